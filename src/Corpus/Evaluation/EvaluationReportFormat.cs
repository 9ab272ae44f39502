using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Baize.Embedding.Manifests;

namespace Baize.Corpus.Evaluation;

/// <summary>
/// The documented output of <c>baize eval</c>: JSON <c>{"split", "encoders", "pairs":[{"query","gallery","recall_at_1",
/// "recall_at_5","recall_at_10","map_at_10","median_rank","queries"}]}</c>, plus a Markdown table of the same numbers.
/// </summary>
public static class EvaluationReportFormat
{
    public static JsonObject ToJson(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var encoders = new JsonObject();
        foreach (var (modality, version) in report.Encoders.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            encoders[modality] = version;
        }

        var pairs = new JsonArray();
        foreach (var pair in report.Pairs)
        {
            pairs.Add(new JsonObject
            {
                ["query"] = ManifestJson.ModalityName(pair.Query),
                ["gallery"] = ManifestJson.ModalityName(pair.Gallery),
                ["recall_at_1"] = Round(pair.Metrics.RecallAt1),
                ["recall_at_5"] = Round(pair.Metrics.RecallAt5),
                ["recall_at_10"] = Round(pair.Metrics.RecallAt10),
                ["map_at_10"] = Round(pair.Metrics.MapAt10),
                ["median_rank"] = pair.Metrics.MedianRank,
                ["queries"] = pair.Metrics.Queries,
            });
        }

        return new JsonObject
        {
            ["split"] = report.Split,
            ["encoders"] = encoders,
            ["mean_cross_modal_recall_at_1"] = Round(report.MeanCrossModalRecallAt1),
            ["pairs"] = pairs,
        };
    }

    public static string ToMarkdown(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("| query → gallery | R@1 | R@5 | R@10 | mAP@10 | median rank | queries |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var pair in report.Pairs)
        {
            var m = pair.Metrics;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {ManifestJson.ModalityName(pair.Query)} → {ManifestJson.ModalityName(pair.Gallery)} | {m.RecallAt1:0.000} | {m.RecallAt5:0.000} | {m.RecallAt10:0.000} | {m.MapAt10:0.000} | {m.MedianRank:0.#} | {m.Queries} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"\nMean cross-modal R@1: {report.MeanCrossModalRecallAt1:0.000}");
        return text.ToString();
    }

    /// <summary>Four decimals: finer than run-to-run noise, coarse enough to diff.</summary>
    private static double Round(double value) => Math.Round(value, 4);
}

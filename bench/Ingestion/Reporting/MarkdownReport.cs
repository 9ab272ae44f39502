using System.Globalization;
using System.Text;
using Baize.BenchSupport;
using Baize.Ingestion.Results;

namespace Baize.Ingestion.Reporting;

/// <summary>Renders a report as a Markdown table plus one line of context, ready to paste into BENCHMARKS.md.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(IngestionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new MarkdownTable()
            .Left("Modality").Right("Items").Right("Raw encoder (items/s)").Right("Ingestion (items/s)").Right("Ratio").Center($"≥ {Percent(report.Goal.Ratio)}")
            .Right("Uploads done (s)").Right("All indexed (s)").Right("Mean batch").Right("Failed");
        foreach (var r in report.Results)
        {
            var raw = r.Raw;
            var run = r.Ingestion;
            table.Row(
                $"{r.Modality}",
                $"{r.Items:N0}",
                $"{MarkdownFormat.Rate(raw.ItemsPerS)} ({MarkdownFormat.Rate(raw.ItemsPerSBefore)} / {MarkdownFormat.Rate(raw.ItemsPerSAfter)})",
                $"{MarkdownFormat.Rate(run.ItemsPerS)}",
                $"{Percent(r.Ratio)}",
                $"{(r.MeetsGoal ? "yes" : "no")}",
                $"{MarkdownFormat.Significant(run.UploadSeconds)}",
                $"{MarkdownFormat.Significant(run.Seconds)}",
                $"{run.MeanBatchSize:0.0}",
                $"{run.Failed}");
        }

        var m = report.Machine;
        var s = report.Settings;
        var text = new StringBuilder().Append(table).AppendLine();
        text.Append(Invariant, $"Raw: OnnxEncoder.Embed*Async in batches of {s.RawBatchSize} (before / after the ingestion run, headline their mean). ");
        text.Append(Invariant, $"Ingestion: POST /v1/items, {s.FilesPerRequest} file per request, {s.UploadConcurrency} at a time, after {s.WarmupItems} untimed warm-up items, indexer {s.IndexerConcurrentMessages} concurrent messages, {s.Transport}. ");
        text.Append(Invariant, $"Sources: {string.Join("; ", report.Results.Select(r => $"{r.Modality} {r.Source}"))}. ");
        text.Append(Invariant, $"{m.Cores} cores ({m.CpuModel ?? "unknown CPU"}), {m.Os}, {m.Dotnet}, ONNX Runtime {m.OnnxRuntime}, {m.Ffmpeg ?? "ffmpeg not found"}, {(m.ServerGc ? "server" : "workstation")} GC, {m.Build} build, ");
        text.Append(Invariant, $"{report.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(MarkdownFormat.LoadAverageEnding(m.LoadAverage1MStart, m.LoadAverage1MEnd));
        return text.ToString();
    }

    private static string Percent(double ratio) => (ratio * 100).ToString("0", Invariant) + "%";
}

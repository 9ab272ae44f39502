using System.Globalization;
using System.Text;
using Baize.Api.Results;
using Baize.BenchSupport;

namespace Baize.Api.Reporting;

/// <summary>Renders a report as Markdown: the runs, the in-process breakdown, and one line of context.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(ApiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var runs = new MarkdownTable()
            .Right("Concurrency").Right("Requests").Right("Errors").Right("Requests/s").Right("p50 (ms)").Right("p90 (ms)").Right("p99 (ms)").Right("max (ms)")
            .Center(string.Create(Invariant, $"p99 ≤ {report.Goal.P99Ms:0.#} ms"));
        foreach (var run in report.Runs)
        {
            var l = run.Latency;
            runs.Row($"{run.Concurrency}", $"{run.Requests:N0}", $"{run.Errors}", $"{MarkdownFormat.Rate(run.RequestsPerS)}", $"{Ms(l.P50Ms)}", $"{Ms(l.P90Ms)}", $"{Ms(l.P99Ms)}", $"{Ms(l.MaxMs)}", $"{(run.P99WithinGoal ? "yes" : "no")}");
        }

        var text = new StringBuilder().Append(runs);
        if (report.Breakdown is { } b)
        {
            var parts = new MarkdownTable().Left("Part").Right("p50 (ms)").Right("p99 (ms)");
            Row(parts, "text embedding (QueryEmbedder, through the batcher)", b.EmbedText);
            Row(parts, "text embedding (OnnxEncoder.EmbedTexts alone)", b.EmbedTextOnnx);
            Row(parts, "search (SearchService: alias, scan, grouping, hits)", b.Search);
            Row(parts, "store scan alone (top_k · 4 candidates)", b.Scan);
            Row(parts, "indexing one item: upsert its point", b.IndexUpsert);
            text.AppendLine();
            text.AppendLine(Invariant, $"In-process, one call at a time ({b.EmbedText.Samples} calls each, no HTTP):");
            text.AppendLine();
            text.Append(parts);
        }

        var m = report.Machine;
        var s = report.Settings;
        var p = report.Population;
        text.AppendLine();
        text.Append(Invariant, $"{p.Points:N0} points in {p.Collection} ({p.Vectors}");
        text.Append(p.RealEmbeddings > 0 ? string.Create(Invariant, $": {p.RealEmbeddings:N0} real, noise {p.Noise:0.##}") : string.Empty);
        text.Append(Invariant, $"), {s.Quantization} scan, top_k {s.TopK}, text → {string.Join(", ", s.Modalities)}; {s.TextEncoder}, {s.ImageEncoder}; ");
        text.Append(Invariant, $"{m.Cores} cores ({m.CpuModel ?? "unknown CPU"}), {m.Os}, {m.Dotnet}, ONNX Runtime {m.OnnxRuntime}, {(m.ServerGc ? "server" : "workstation")} GC, {m.Build} build, ");
        text.Append(Invariant, $"{report.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(MarkdownFormat.LoadAverageEnding(m.LoadAverage1MStart, m.LoadAverage1MEnd));
        return text.ToString();
    }

    private static void Row(MarkdownTable table, string part, LatencyResult latency) =>
        table.Row($"{part}", $"{Ms(latency.P50Ms)}", $"{Ms(latency.P99Ms)}");

    private static string Ms(double value) => MarkdownFormat.Significant(value);
}

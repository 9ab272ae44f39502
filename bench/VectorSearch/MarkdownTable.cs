using System.Globalization;
using System.Text;
using Baize.VectorSearch.Results;

namespace Baize.VectorSearch;

/// <summary>Renders a report as a Markdown table plus one line of context, ready to paste into BENCHMARKS.md.</summary>
public static class MarkdownTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("| Vectors | Exact p50 / p99 (ms) | Exact q/s | Int8 p50 / p99 (ms) | Int8 q/s | Int8 recall@10 | Filtered exact p50 (ms) | Raw f32 scan (ms) | Exact vs raw scan | Int8 vs raw i8 scan | Open (ms) | Insert (points/s) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in report.Sizes)
        {
            text.AppendLine(Invariant, $"| {s.Vectors:N0} | {s.Exact.P50Ms:0.00} / {s.Exact.P99Ms:0.00} | {s.Exact.QueriesPerS:N0} | {s.Quantized.P50Ms:0.00} / {s.Quantized.P99Ms:0.00} | {s.Quantized.QueriesPerS:N0} | {s.Int8RecallAt10:0.000} | {s.FilteredExact.P50Ms:0.00} | {s.RawScanF32Ms:0.00} | {s.ExactScanEfficiency:P0} | {s.Int8ScanEfficiency:P0} | {s.OpenMs:N0} | {s.InsertPointsPerS:N0} |");
        }

        var m = report.Machine;
        var t = report.Settings;
        text.AppendLine();
        text.Append(Invariant, $"{m.Cores} cores ({m.CpuModel ?? "unknown CPU"}, {(m.Vector512 ? "AVX-512" : "256-bit SIMD")}), {m.Os}, {m.Dotnet}, {m.Build} build; ");
        text.Append(Invariant, $"d = {t.Dimension}, top {t.Top}, {t.Queries} queries per mode, {t.Distance}, int8 oversampling {t.Int8Oversampling}, durability {t.Durability}, seed {t.Seed}, {report.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(m.LoadAverage1M is { } load ? string.Create(Invariant, $", load average {load:0.00} at start.") : ".");
        return text.ToString();
    }
}

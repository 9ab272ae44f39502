using System.Globalization;
using System.Text;
using Baize.BenchSupport;
using Baize.VectorSearch.Results;

namespace Baize.VectorSearch;

/// <summary>Renders a report as a Markdown table plus one line of context, ready to paste into BENCHMARKS.md.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new MarkdownTable()
            .Right("Vectors").Right("Exact p50 / p99 (ms)").Right("Exact q/s").Right("Int8 p50 / p99 (ms)").Right("Int8 q/s").Right("Int8 recall@10")
            .Right("Filtered exact p50 (ms)").Right("Raw f32 scan (ms)").Right("Exact vs raw scan").Right("Int8 vs raw i8 scan").Right("Open (ms)").Right("Insert (points/s)");
        foreach (var s in report.Sizes)
        {
            table.Row(
                $"{s.Vectors:N0}",
                $"{s.Exact.P50Ms:0.00} / {s.Exact.P99Ms:0.00}",
                $"{s.Exact.QueriesPerS:N0}",
                $"{s.Quantized.P50Ms:0.00} / {s.Quantized.P99Ms:0.00}",
                $"{s.Quantized.QueriesPerS:N0}",
                $"{s.Int8RecallAt10:0.000}",
                $"{s.FilteredExact.P50Ms:0.00}",
                $"{s.RawScanF32Ms:0.00}",
                $"{s.ExactScanEfficiency:P0}",
                $"{s.Int8ScanEfficiency:P0}",
                $"{s.OpenMs:N0}",
                $"{s.InsertPointsPerS:N0}");
        }

        var m = report.Machine;
        var t = report.Settings;
        var text = new StringBuilder().Append(table).AppendLine();
        text.Append(Invariant, $"{m.Cores} cores ({m.CpuModel ?? "unknown CPU"}, {(m.Vector512 ? "AVX-512" : "256-bit SIMD")}), {m.Os}, {m.Dotnet}, {m.Build} build; ");
        text.Append(Invariant, $"d = {t.Dimension}, top {t.Top}, {t.Queries} queries per mode, {t.Distance}, int8 oversampling {t.Int8Oversampling}, durability {t.Durability}, seed {t.Seed}, {report.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(MarkdownFormat.LoadAverageEnding(m.LoadAverage1M));
        return text.ToString();
    }
}

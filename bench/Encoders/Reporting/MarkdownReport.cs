using System.Globalization;
using System.Text;
using Baize.BenchSupport;
using Baize.Encoders.Results;

namespace Baize.Encoders.Reporting;

/// <summary>Renders a report as a Markdown table plus one line of context, ready to paste into BENCHMARKS.md.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new MarkdownTable()
            .Left("Modality").Left("Model").Right("Params").Right("MACs/item").Right("ONNX size").Right("Throughput b32 (items/s)")
            .Right("Latency b1 p50 (ms)").Right("Latency b1 p99 (ms)").Right("Preprocess (ms/item)");
        foreach (var e in report.Encoders)
        {
            table.Row(
                $"{e.Modality}",
                $"{e.Model}",
                $"{Count(e.Params)}",
                $"{Count(e.Macs)}",
                $"{Bytes(e.OnnxBytes)}",
                $"{MarkdownFormat.Rate(e.ThroughputB32ItemsPerS)}",
                $"{MarkdownFormat.Significant(e.LatencyB1P50Ms)}",
                $"{MarkdownFormat.Significant(e.LatencyB1P99Ms)}",
                $"{MarkdownFormat.Significant(e.PreprocessMsPerItem)}");
        }

        var m = report.Machine;
        var s = report.Settings;
        var text = new StringBuilder().Append(table).AppendLine();
        text.Append(Invariant, $"{m.Cores} cores ({m.CpuModel ?? "unknown CPU"}), {m.Os}, {m.Dotnet}, ONNX Runtime {m.OnnxRuntime}, {m.Ffmpeg ?? "ffmpeg not found"}; ");
        text.Append(Invariant, $"intra-op threads {s.IntraOpThreads}, {m.Build} build, '{s.Split}' split, {report.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(MarkdownFormat.LoadAverageEnding(m.LoadAverage1M));
        return text.ToString();
    }

    /// <summary>Parameters and MACs in K/M/G, three significant digits.</summary>
    private static string Count(long value) => value switch
    {
        >= 1_000_000_000 => MarkdownFormat.Significant(value / 1e9) + " G",
        >= 1_000_000 => MarkdownFormat.Significant(value / 1e6) + " M",
        >= 1_000 => MarkdownFormat.Significant(value / 1e3) + " K",
        _ => value.ToString(Invariant),
    };

    private static string Bytes(long value) => value switch
    {
        >= 1 << 30 => MarkdownFormat.Significant(value / (double)(1 << 30)) + " GiB",
        >= 1 << 20 => MarkdownFormat.Significant(value / (double)(1 << 20)) + " MiB",
        >= 1 << 10 => MarkdownFormat.Significant(value / (double)(1 << 10)) + " KiB",
        _ => value.ToString(Invariant) + " B",
    };
}

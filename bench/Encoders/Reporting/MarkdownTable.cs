using System.Globalization;
using System.Text;
using Baize.Encoders.Results;

namespace Baize.Encoders.Reporting;

/// <summary>Renders a report as a Markdown table plus one line of context, ready to paste into BENCHMARKS.md.</summary>
public static class MarkdownTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("| Modality | Model | Params | MACs/item | ONNX size | Throughput b32 (items/s) | Latency b1 p50 (ms) | Latency b1 p99 (ms) | Preprocess (ms/item) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var e in report.Encoders)
        {
            text.AppendLine(Invariant, $"| {e.Modality} | {e.Model} | {Count(e.Params)} | {Count(e.Macs)} | {Bytes(e.OnnxBytes)} | {Rate(e.ThroughputB32ItemsPerS)} | {Milliseconds(e.LatencyB1P50Ms)} | {Milliseconds(e.LatencyB1P99Ms)} | {Milliseconds(e.PreprocessMsPerItem)} |");
        }

        var m = report.Machine;
        var s = report.Settings;
        text.AppendLine();
        text.Append(Invariant, $"{m.Cores} cores ({m.CpuModel ?? "unknown CPU"}), {m.Os}, {m.Dotnet}, ONNX Runtime {m.OnnxRuntime}, {m.Ffmpeg ?? "ffmpeg not found"}; ");
        text.Append(Invariant, $"intra-op threads {s.IntraOpThreads}, {m.Build} build, '{s.Split}' split, {report.CreatedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(m.LoadAverage1M is { } load ? string.Create(Invariant, $", load average {load:0.00} at start.") : ".");
        return text.ToString();
    }

    /// <summary>Parameters and MACs in K/M/G, three significant digits.</summary>
    private static string Count(long value) => value switch
    {
        >= 1_000_000_000 => Significant(value / 1e9) + " G",
        >= 1_000_000 => Significant(value / 1e6) + " M",
        >= 1_000 => Significant(value / 1e3) + " K",
        _ => value.ToString(Invariant),
    };

    private static string Bytes(long value) => value switch
    {
        >= 1 << 30 => Significant(value / (double)(1 << 30)) + " GiB",
        >= 1 << 20 => Significant(value / (double)(1 << 20)) + " MiB",
        >= 1 << 10 => Significant(value / (double)(1 << 10)) + " KiB",
        _ => value.ToString(Invariant) + " B",
    };

    private static string Rate(double value) => value >= 100 ? value.ToString("N0", Invariant) : Significant(value);

    private static string Milliseconds(double value) => Significant(value);

    /// <summary>Three significant digits without exponent notation: 1234 → "1234", 12.34 → "12.3", 0.01234 → "0.0123".</summary>
    private static string Significant(double value)
    {
        if (value == 0 || value >= 100)
        {
            return value.ToString("F0", Invariant);
        }

        var decimals = Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 6);
        return value.ToString("F" + decimals.ToString(Invariant), Invariant);
    }
}

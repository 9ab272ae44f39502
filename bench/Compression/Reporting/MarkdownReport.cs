using System.Globalization;
using System.Text;
using Baize.BenchSupport;
using Baize.CompressionBench.Results;
using Baize.Encoders.Results;
using EncoderTable = Baize.Encoders.Reporting.MarkdownReport;

namespace Baize.CompressionBench.Reporting;

/// <summary>
/// Renders a report as Markdown: one table per target, the goals of issue 4 judged from the numbers, and the absolute
/// serving cost of every model in bench/Encoders' table.
/// </summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(CompressionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var text = new StringBuilder();
        text.Append(Invariant, $"Students trained for {s.Steps} steps (audio {s.AudioSteps}) at batch {s.Batch} (video {s.VideoBatch}), evaluated on the test split. ");
        text.AppendLine("Ratios are student over the teacher of the same modality: below 1 for size and latency, above 1 for throughput, mean a gain.");
        foreach (var target in report.Runs.Select(r => r.Target).Distinct())
        {
            text.AppendLine().AppendLine(Invariant, $"### {target}").AppendLine();
            text.Append(TargetTable(report.Runs.Where(r => r.Target == target)));
            if (s.Seeds.Count > 1)
            {
                text.AppendLine().AppendLine(Invariant, $"Mean over seeds {string.Join(", ", s.Seeds)}:").AppendLine();
                text.Append(SeedMeanTable(SeedMean.Of(report.Runs.Where(r => r.Target == target))));
            }
        }

        text.AppendLine().AppendLine("### Goals").AppendLine();
        text.Append(GoalTable.Render(report));
        text.AppendLine().AppendLine("### Serving cost").AppendLine();
        var serving = new BenchmarkReport(report.SchemaVersion, report.CreatedUtc, report.Machine, s.Serving, [.. report.Teachers, .. report.Runs.Select(r => r.Serving)]);
        text.Append(EncoderTable.Render(serving));
        return text.ToString();
    }

    /// <summary>Three significant digits; "n/a" for a retention left undefined by a teacher that never retrieves at rank 1.</summary>
    public static string Number(double value) => double.IsFinite(value) ? MarkdownFormat.Significant(value) : "n/a";

    private static MarkdownTable TargetTable(IEnumerable<RunResult> runs)
    {
        var table = new MarkdownTable()
            .Left("Modality").Left("Method").Right("Seed").Right("Params ratio").Right("MACs ratio").Right("Throughput ratio").Right("Latency ratio")
            .Right("R@1 retention").Right("R@10 retention").Right("Compat R@1 retention").Right("Wall (s)");
        foreach (var r in runs)
        {
            table.Row(
                $"{r.Modality}",
                $"{r.Method}",
                $"{r.Seed}",
                $"{Number(r.ParamsRatio)}",
                $"{Number(r.MacsRatio)}",
                $"{Number(r.ThroughputRatio)}",
                $"{Number(r.LatencyRatio)}",
                $"{Number(r.R1Retention)}",
                $"{Number(r.R10Retention)}",
                $"{Number(r.CompatR1Retention)}",
                $"{r.WallS:0}");
        }

        return table;
    }

    private static MarkdownTable SeedMeanTable(IEnumerable<SeedMean> cells)
    {
        var table = new MarkdownTable()
            .Left("Modality").Left("Method").Right("Seeds").Right("R@1 retention").Right("Lowest").Right("Highest")
            .Right("Throughput ratio").Right("Compat R@1 retention");
        foreach (var c in cells)
        {
            table.Row(
                $"{c.Modality}",
                $"{c.Method}",
                $"{c.Seeds}",
                $"{Number(c.R1Retention)}",
                $"{Number(c.LowestR1Retention)}",
                $"{Number(c.HighestR1Retention)}",
                $"{Number(c.ThroughputRatio)}",
                $"{Number(c.CompatR1Retention)}");
        }

        return table;
    }
}

using System.Globalization;
using System.Text;
using Baize.BenchSupport;
using Baize.CompressionBench.Results;

namespace Baize.CompressionBench.Reporting;

/// <summary>
/// The goals of issue 4, judged per modality from the measured runs, on the mean over the seeds where there are
/// several; only the thresholds are fixed here. A goal whose runs were not part of this report (another --targets or
/// --methods) reads "not run", never met.
/// </summary>
public static class GoalTable
{
    /// <summary>At 4x the dean's student keeps this share of the teacher's Recall@1 ...</summary>
    public const double RetentionAt4X = 0.97;

    /// <summary>... while serving at least this many times the teacher's batch-32 throughput.</summary>
    public const double ThroughputRatioAt4X = 2.5;

    /// <summary>At 8x the dean's student keeps this share of the teacher's Recall@1.</summary>
    public const double RetentionAt8X = 0.93;

    /// <summary>The dean's student's queries against the teacher's index keep this share of the teacher's own Recall@1.</summary>
    public const double CompatRetention = 0.95;

    private const string Dean = "dean";

    public static string Render(CompressionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cells = SeedMean.Of(report.Runs);
        var modalities = report.Settings.Modalities;
        var table = new MarkdownTable().Left("Goal");
        foreach (var modality in modalities)
        {
            table.Left(modality);
        }

        table.Left("all modalities");
        AddThresholdRow(table, cells, modalities, Invariant($"4x dean: R@1 retention ≥ {RetentionAt4X} and throughput ratio ≥ {ThroughputRatioAt4X}"), "4x", r => new Verdict(
            r.R1Retention >= RetentionAt4X && r.ThroughputRatio >= ThroughputRatioAt4X,
            $"{MarkdownReport.Number(r.R1Retention)}; {MarkdownReport.Number(r.ThroughputRatio)}x"));
        AddThresholdRow(table, cells, modalities, Invariant($"8x dean: R@1 retention ≥ {RetentionAt8X}"), "8x", r => new Verdict(
            r.R1Retention >= RetentionAt8X,
            MarkdownReport.Number(r.R1Retention)));
        AddBaselineRow(table, cells, modalities, "8x");
        foreach (var target in new[] { "4x", "8x" })
        {
            AddThresholdRow(table, cells, modalities, Invariant($"{target} dean: compat R@1 retention ≥ {CompatRetention}"), target, r => new Verdict(
                r.CompatR1Retention >= CompatRetention,
                MarkdownReport.Number(r.CompatR1Retention)));
        }

        return new StringBuilder()
            .Append(table)
            .AppendLine()
            .AppendLine("Each cell gives the verdict and the measured numbers it rests on: retention (and throughput ratio), or the dean's")
            .AppendLine("R@1 retention against the best baseline's, each the mean over the seeds that ran. \"All modalities\" compares means")
            .AppendLine("over the modalities for the baseline goal.")
            .ToString();
    }

    /// <summary>A goal on the dean's student alone: met in each modality by its own numbers, and in all when met in every one.</summary>
    private static void AddThresholdRow(MarkdownTable table, IReadOnlyList<SeedMean> cells, IReadOnlyList<string> modalities, string goal, string target, Func<SeedMean, Verdict> judge)
    {
        var verdicts = modalities.Select(m => Find(cells, m, target, Dean) is { } run ? judge(run) : Verdict.NotRun).ToList();
        var met = verdicts.Count(v => v.Met == true);
        bool? allMet = verdicts.Any(v => v.Met == false) ? false : met == verdicts.Count ? true : null;
        var all = verdicts.All(v => v.Met is null) ? Verdict.NotRun : new Verdict(allMet, Invariant($"{met} of {verdicts.Count}"));
        table.Row([$"{goal}", .. verdicts.Select(v => (FormattableString)$"{v}"), $"{all}"]);
    }

    /// <summary>The dean's student against every baseline of the same budget: per modality, and on the mean over modalities.</summary>
    private static void AddBaselineRow(MarkdownTable table, IReadOnlyList<SeedMean> cells, IReadOnlyList<string> modalities, string target)
    {
        var atTarget = cells.Where(r => r.Target == target).ToList();
        var verdicts = modalities.Select(m => BeatsBaselines(
            Find(atTarget, m, target, Dean)?.R1Retention,
            atTarget.Where(r => r.Modality == m && r.Method != Dean).Select(r => (r.Method, r.R1Retention))));

        // Means over the modalities where the dean and every baseline ran, so both sides average the same modalities.
        var baselines = atTarget.Select(r => r.Method).Where(m => m != Dean).Distinct().ToList();
        var complete = modalities.Where(m => Find(atTarget, m, target, Dean) is not null && baselines.All(b => Find(atTarget, m, target, b) is not null)).ToList();
        var overall = complete.Count > 0
            ? BeatsBaselines(MeanRetention(atTarget, complete, target, Dean), baselines.Select(b => (b, MeanRetention(atTarget, complete, target, b))))
            : Verdict.NotRun;
        table.Row([$"{target}: dean's R@1 retention above every baseline's", .. verdicts.Select(v => (FormattableString)$"{v}"), $"{overall}"]);
    }

    private static Verdict BeatsBaselines(double? dean, IEnumerable<(string Method, double Retention)> baselines)
    {
        var list = baselines.ToList();
        return dean is { } value && list.Count > 0
            ? new Verdict(list.All(b => value > b.Retention), BestBaseline(value, list))
            : Verdict.NotRun;
    }

    /// <summary>"0.950 vs kd 0.930": the dean against the strongest baseline, the one that decides the goal.</summary>
    private static string BestBaseline(double dean, IEnumerable<(string Method, double Retention)> baselines)
    {
        // NaN sorts first, so a baseline with an undefined retention is named only when nothing else ran.
        var best = baselines.MaxBy(b => b.Retention);
        return $"{MarkdownReport.Number(dean)} vs {best.Method} {MarkdownReport.Number(best.Retention)}";
    }

    private static double MeanRetention(IReadOnlyList<SeedMean> cells, IReadOnlyList<string> modalities, string target, string method) =>
        modalities.Average(m => Find(cells, m, target, method)!.R1Retention);

    private static SeedMean? Find(IEnumerable<SeedMean> cells, string modality, string target, string method) =>
        cells.FirstOrDefault(r => r.Modality == modality && r.Target == target && r.Method == method);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <param name="Met">Null when the runs the goal needs were not (all) part of the report.</param>
    /// <param name="Numbers">The measured numbers the verdict rests on.</param>
    private sealed record Verdict(bool? Met, string Numbers)
    {
        public static Verdict NotRun { get; } = new(null, string.Empty);

        public override string ToString() => Met switch
        {
            true => $"met ({Numbers})",
            false => $"not met ({Numbers})",
            null when Numbers.Length == 0 => "not run",
            null => $"incomplete ({Numbers})",
        };
    }
}

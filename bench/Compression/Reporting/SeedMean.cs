using Baize.CompressionBench.Results;

namespace Baize.CompressionBench.Reporting;

/// <summary>One (modality, target, method) over all its seeds: the numbers the goals are judged on.</summary>
/// <param name="Seeds">How many runs the means are over.</param>
/// <param name="LowestR1Retention">The worst seed's, for the spread.</param>
/// <param name="HighestR1Retention">The best seed's.</param>
public sealed record SeedMean(
    string Modality,
    string Target,
    string Method,
    int Seeds,
    double R1Retention,
    double LowestR1Retention,
    double HighestR1Retention,
    double ThroughputRatio,
    double CompatR1Retention)
{
    /// <summary>One mean per (modality, target, method), in the order the runs came.</summary>
    public static IReadOnlyList<SeedMean> Of(IEnumerable<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.GroupBy(r => (r.Modality, r.Target, r.Method)).Select(cell => new SeedMean(
            cell.Key.Modality,
            cell.Key.Target,
            cell.Key.Method,
            cell.Count(),
            cell.Average(r => r.R1Retention),
            cell.Min(r => r.R1Retention),
            cell.Max(r => r.R1Retention),
            cell.Average(r => r.ThroughputRatio),
            cell.Average(r => r.CompatR1Retention)))];
    }
}

namespace Baize.VectorSearch.Results;

/// <summary>Per-query latency of one search mode, sequential queries on one thread.</summary>
/// <param name="QueriesPerS">1000 / mean: what one thread sustains; concurrent queries scale with cores until
/// memory bandwidth runs out.</param>
public sealed record LatencyResult(int Queries, double P50Ms, double P99Ms, double MeanMs, double MinMs, double MaxMs, double QueriesPerS)
{
    public static LatencyResult From(IReadOnlyList<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        var mean = sorted.Average();
        return new LatencyResult(
            sorted.Length,
            Rounding.Milliseconds(Percentile(sorted, 50)),
            Rounding.Milliseconds(Percentile(sorted, 99)),
            Rounding.Milliseconds(mean),
            Rounding.Milliseconds(sorted[0]),
            Rounding.Milliseconds(sorted[^1]),
            Rounding.Rate(1000 / mean));
    }

    /// <summary>Linear interpolation between the closest ranks (the common "type 7" definition).</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}

using Baize.BenchSupport;

namespace Baize.VectorSearch.Results;

/// <summary>Per-query latency of one search mode, sequential queries on one thread.</summary>
/// <param name="QueriesPerS">1000 / mean: what one thread sustains; concurrent queries scale with cores until
/// memory bandwidth runs out.</param>
public sealed record LatencyResult(int Queries, double P50Ms, double P99Ms, double MeanMs, double MinMs, double MaxMs, double QueriesPerS)
{
    public static LatencyResult From(IEnumerable<double> milliseconds)
    {
        var times = new Distribution(milliseconds);
        return new LatencyResult(
            times.Count,
            Rounding.Milliseconds(times.Median),
            Rounding.Milliseconds(times.Percentile(99)),
            Rounding.Milliseconds(times.Mean),
            Rounding.Milliseconds(times.Min),
            Rounding.Milliseconds(times.Max),
            Rounding.Rate(1000 / times.Mean));
    }
}

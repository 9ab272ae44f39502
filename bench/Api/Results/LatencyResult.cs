using Baize.BenchSupport;

namespace Baize.Api.Results;

/// <summary>Order statistics of per-request (or per-call) times, in milliseconds.</summary>
public sealed record LatencyResult(int Samples, double P50Ms, double P90Ms, double P99Ms, double MeanMs, double MinMs, double MaxMs)
{
    public static LatencyResult From(IEnumerable<double> milliseconds)
    {
        var times = new Distribution(milliseconds);
        return new LatencyResult(
            times.Count,
            Rounding.Milliseconds(times.Median),
            Rounding.Milliseconds(times.Percentile(90)),
            Rounding.Milliseconds(times.Percentile(99)),
            Rounding.Milliseconds(times.Mean),
            Rounding.Milliseconds(times.Min),
            Rounding.Milliseconds(times.Max));
    }
}

namespace Baize.BenchSupport;

/// <summary>Order statistics of a set of samples.</summary>
public sealed class Distribution
{
    private readonly double[] _sorted;

    public Distribution(IEnumerable<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _sorted = [.. samples.Order()];
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("A distribution needs at least one sample.", nameof(samples));
        }
    }

    public int Count => _sorted.Length;

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Mean => _sorted.Average();

    public double Median => Percentile(50);

    /// <summary>Linear interpolation between the closest ranks (the common "type 7" definition), p in [0, 100].</summary>
    public double Percentile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var rank = p / 100 * (_sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, _sorted.Length - 1);
        return _sorted[lower] + ((rank - lower) * (_sorted[upper] - _sorted[lower]));
    }
}

using Baize.Compression.Architectures;
using Baize.Compression.Layers;

namespace Baize.Compression.Pruning;

/// <summary>The most a pruned architecture may cost, in parameters or in MACs per item, computed from its config.</summary>
public sealed record Budget(BudgetMeasure Measure, long Limit)
{
    public static Budget Parameters(long limit) => new(BudgetMeasure.Parameters, limit);

    public static Budget Macs(long limit) => new(BudgetMeasure.Macs, limit);

    public long CostOf(IEncoderConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Measure == BudgetMeasure.Parameters ? config.ParameterCount() : config.MacsPerItem();
    }

    /// <summary>
    /// What each of the last <paramref name="count"/> groups of <paramref name="layer"/> costs, with every layer at its
    /// width in <paramref name="widths"/> (layers not named at full width).
    /// </summary>
    public double CostPerGroup(IEncoderConfig config, IReadOnlyDictionary<string, int> widths, PrunableLayer layer, int count)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var width = widths.GetValueOrDefault(layer.Name, layer.GroupCount);
        var narrower = new Dictionary<string, int>(widths) { [layer.Name] = width - count };
        return (CostOf(config.WithWidths(widths)) - CostOf(config.WithWidths(narrower))) / (double)count;
    }

    public bool Fits(IEncoderConfig config) => CostOf(config) <= Limit;

    public override string ToString() => $"{Limit} {(Measure == BudgetMeasure.Parameters ? "parameters" : "MACs per item")}";
}

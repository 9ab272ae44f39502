using Baize.Compression.Architectures;

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

    public bool Fits(IEncoderConfig config) => CostOf(config) <= Limit;

    public override string ToString() => $"{Limit} {(Measure == BudgetMeasure.Parameters ? "parameters" : "MACs per item")}";
}

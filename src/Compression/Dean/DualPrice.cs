using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Pruning;

namespace Baize.Compression.Dean;

/// <summary>
/// What the dean's budget exchange charges for an architecture: its cost in the budget's measure plus μ times its cost
/// in the other measure (MACs for a parameter budget, parameters for a MAC budget), converted at the teacher's ratio of
/// the two. μ is the Lagrange multiplier of "spend no larger a fraction of the other measure than the budget allows of
/// its own", set by dual ascent at every meta-update: it grows while the allocation spends more of the other measure
/// than that, and shrinks (never below zero) while it spends less. Priced in parameters alone, the convolutional
/// students kept their early, compute-heavy layers (4x: 0.55–0.69 of the teacher's MACs, 1.2–1.5x its throughput);
/// priced at a fixed one-to-one mix, the 8x image students lost recall (0.895 and 0.954 of the teacher's Recall@1); a
/// hard MAC cap left the 4x image student spending 0.16 of the teacher's parameters (0.965). BENCHMARKS.md has the
/// runs.
/// </summary>
public sealed class DualPrice
{
    private readonly IEncoderConfig _teacher;
    private readonly Budget _budget;
    private readonly double _budgetFraction;
    private readonly double _otherToBudget;
    private readonly double _teacherOther;

    /// <param name="teacher">The unpruned architecture.</param>
    /// <param name="budget">The budget the allocation must meet.</param>
    /// <param name="multiplier">μ, zero for a fresh run.</param>
    public DualPrice(IEncoderConfig teacher, Budget budget, double multiplier = 0)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfNegative(multiplier);
        _teacher = teacher;
        _budget = budget;
        var teacherCost = (double)budget.CostOf(teacher);
        _teacherOther = Other(teacher);
        _budgetFraction = budget.Limit / teacherCost;
        _otherToBudget = teacherCost / _teacherOther;
        Multiplier = multiplier;
    }

    /// <summary>μ: the weight of the other measure, once converted to the budget's measure at the teacher's ratio of the two.</summary>
    public double Multiplier { get; private set; }

    public double CostOf(IEncoderConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return _budget.CostOf(config) + (Multiplier * _otherToBudget * Other(config));
    }

    /// <summary>
    /// What each of the last <paramref name="count"/> groups of <paramref name="layer"/> costs, with every layer at its
    /// width in <paramref name="widths"/> (layers not named at the teacher's width).
    /// </summary>
    public double CostPerGroup(IReadOnlyDictionary<string, int> widths, PrunableLayer layer, int count)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var width = widths.GetValueOrDefault(layer.Name, layer.GroupCount);
        var narrower = new Dictionary<string, int>(widths) { [layer.Name] = width - count };
        return (CostOf(_teacher.WithWidths(widths)) - CostOf(_teacher.WithWidths(narrower))) / count;
    }

    /// <summary>One step of dual ascent on μ for the architecture the allocation now keeps.</summary>
    public void Update(IEncoderConfig current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var otherFraction = Other(current) / _teacherOther;
        Multiplier = Math.Max(0, Multiplier + (otherFraction / _budgetFraction) - 1);
    }

    private double Other(IEncoderConfig config) => _budget.Measure == BudgetMeasure.Parameters ? config.MacsPerItem() : config.ParameterCount();
}

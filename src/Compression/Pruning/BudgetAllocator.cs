using Baize.Compression.Architectures;
using Baize.Compression.Layers;

namespace Baize.Compression.Pruning;

/// <summary>
/// Spreads a global budget (parameters or MACs) over the prunable layers. Each layer gives up a fraction of its groups
/// proportional to its share of the pruning (r·share, r the same for all layers, as large as the budget requires),
/// keeping its groups of largest norm; equal shares are the uniform rate of one-shot pruning. Widths are rounded up to
/// the ones the hardware runs fast (<see cref="WidthAlignment"/>), and the rounding leaves slack, so the most important
/// removed blocks (mean norm relative to the layer's mean) are then put back while they fit: the budget is met exactly,
/// a cost of at most <c>budget</c> with no removed block able to return. Every layer keeps at least
/// <see cref="MinimumKeptFraction"/> of its groups (and at least one block).
/// </summary>
public static class BudgetAllocator
{
    /// <summary>The smallest share of its groups any layer keeps: no layer becomes a bottleneck of a few channels.</summary>
    public const double MinimumKeptFraction = 0.1;

    /// <param name="config">The unpruned architecture.</param>
    /// <param name="layers">Its prunable layers.</param>
    /// <param name="groupNorms">Per layer, one importance value per group (a group norm).</param>
    /// <param name="pruningShares">Per layer, its share of the pruning: a layer of share 2 gives up twice the fraction of one of share 1.</param>
    /// <param name="budget">The cost to fit under.</param>
    /// <returns>Per layer name, the indices of the groups kept, ascending.</returns>
    public static Dictionary<string, IReadOnlyList<int>> Allocate(
        IEncoderConfig config,
        IReadOnlyList<PrunableLayer> layers,
        IReadOnlyList<double[]> groupNorms,
        IReadOnlyList<double> pruningShares,
        Budget budget)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(groupNorms);
        ArgumentNullException.ThrowIfNull(pruningShares);
        ArgumentNullException.ThrowIfNull(budget);
        var floors = layers.Select(layer => WidthAlignment.RoundUp(layer, Math.Max(1, (int)Math.Ceiling(layer.GroupCount * MinimumKeptFraction)))).ToArray();
        var shares = pruningShares.Select(share => Math.Max(share, 1e-6)).ToArray();
        Dictionary<string, int> WidthsAt(double rate) => layers.Select((layer, l) => (layer.Name, Width: Math.Max(
                floors[l],
                WidthAlignment.Nearest(layer, (int)Math.Ceiling(layer.GroupCount * (1 - Math.Min(1, rate * shares[l])))))))
            .ToDictionary(entry => entry.Name, entry => entry.Width);

        var (fits, tooLittle) = (1 / shares.Min(), 0.0);
        if (!budget.Fits(config.WithWidths(WidthsAt(fits))))
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Even the narrowest allowed architecture costs {budget.CostOf(config.WithWidths(WidthsAt(fits)))}.");
        }

        for (var i = 0; i < 50; i++)
        {
            var middle = (fits + tooLittle) / 2;
            (fits, tooLittle) = budget.Fits(config.WithWidths(WidthsAt(middle))) ? (middle, tooLittle) : (fits, middle);
        }

        var widths = WidthsAt(fits);
        var ranked = groupNorms.Select(GroupProjection.Ranking).ToArray();

        // The removed blocks, most important first, go back while they fit. A layer's blocks come in its own ranking
        // order (their mean norms fall) and stable sorting keeps that order, so a layer only ever widens by its next
        // block; once one does not fit, none of that layer's later blocks is tried.
        var candidates = layers.SelectMany((layer, l) => RemovedBlocks(layer, widths[layer.Name]).Select(block => (
                Layer: l,
                block.Width,
                Importance: ranked[l][block.From..block.Width].Average(g => groupNorms[l][g]) / Math.Max(groupNorms[l].Average(), double.Epsilon))))
            .OrderByDescending(candidate => candidate.Importance);
        var closed = new HashSet<int>();
        foreach (var (layer, width, _) in candidates.Where(candidate => !closed.Contains(candidate.Layer)))
        {
            var name = layers[layer].Name;
            var before = widths[name];
            widths[name] = width;
            if (!budget.Fits(config.WithWidths(widths)))
            {
                widths[name] = before;
                closed.Add(layer);
            }
        }

        return layers.Select((layer, l) => (layer.Name, Kept: (IReadOnlyList<int>)[.. ranked[l].Take(widths[layer.Name]).Order()]))
            .ToDictionary(entry => entry.Name, entry => entry.Kept);
    }

    /// <summary>The groups a layer of <paramref name="width"/> has removed, as the successive blocks that widen it to the next allowed width.</summary>
    private static IEnumerable<(int From, int Width)> RemovedBlocks(PrunableLayer layer, int width)
    {
        while (width < layer.GroupCount)
        {
            var next = WidthAlignment.RoundUp(layer, width + 1);
            yield return (width, next);
            width = next;
        }
    }
}

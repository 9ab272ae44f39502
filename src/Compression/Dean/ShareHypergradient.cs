using Baize.Compression.Layers;

namespace Baize.Compression.Dean;

/// <summary>
/// The meta-gradient of the held-out loss with respect to each layer's share of the pruning. Raising layer l's share
/// removes a few more of its groups, and the budget they free goes back to the other layers at the going exchange rate;
/// to first order the held-out loss changes by (m_l − λ·p_l) per group, where m_l is the held-out Taylor score of the
/// layer's next groups to go (the lowest-ranked kept ones), p_l what one of its groups costs and λ the cost-weighted
/// mean of m/p over the layers. A layer whose marginal groups matter less per unit of cost than the average gets a
/// negative gradient, so the dean raises its share: the allocation moves towards the one where every layer's last
/// groups are worth the same per unit of cost. Groups are priced by <see cref="DualPrice"/>: the budget's measure,
/// plus the other measure at a price that rises while the students overspend it.
/// </summary>
public static class ShareHypergradient
{
    /// <summary>The marginal groups of a layer: at least one width step, and an eighth of what it keeps.</summary>
    private const int MarginalFraction = 8;

    /// <param name="layers">Its prunable layers.</param>
    /// <param name="price">What a group costs.</param>
    /// <param name="allocation">The groups each layer keeps now.</param>
    /// <param name="ranking">Per layer, every group from the most to the least important (the order groups are kept in).</param>
    /// <param name="taylorScores">Per layer, one held-out Taylor score per group.</param>
    /// <returns>∂L_val/∂share_l up to a common positive factor, normalised by the exchange rate; its cost-weighted sum is zero.</returns>
    public static double[] Compute(
        IReadOnlyList<PrunableLayer> layers,
        DualPrice price,
        IReadOnlyDictionary<string, IReadOnlyList<int>> allocation,
        IReadOnlyList<int[]> ranking,
        IReadOnlyList<double[]> taylorScores)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(price);
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(taylorScores);
        var widths = layers.ToDictionary(layer => layer.Name, layer => allocation[layer.Name].Count);
        var marginal = layers.Select((layer, l) => Marginal(layer, l)).ToArray();
        var layerCosts = marginal.Select((m, l) => m.CostPerGroup * widths[layers[l].Name]).ToArray();
        var totalCost = layerCosts.Sum();
        var exchangeRate = marginal.Select((m, l) => layerCosts[l] * m.Rate).Sum() / Math.Max(totalCost, double.Epsilon);
        if (exchangeRate <= 0)
        {
            return new double[layers.Count];
        }

        return [.. marginal.Select((m, l) => m.CostPerGroup == 0 ? 0 : layerCosts[l] / totalCost * ((m.Rate / exchangeRate) - 1))];

        (double CostPerGroup, double Rate) Marginal(PrunableLayer layer, int l)
        {
            var kept = widths[layer.Name];
            var count = Math.Min(kept - 1, Math.Max(WidthAlignment.Step(layer), (kept + MarginalFraction - 1) / MarginalFraction));
            if (count <= 0)
            {
                return (0, 0);
            }

            var costPerGroup = price.CostPerGroup(widths, layer, count);
            var keptGroups = allocation[layer.Name].ToHashSet();
            var score = ranking[l].Where(keptGroups.Contains).TakeLast(count).Average(g => taylorScores[l][g]);
            return costPerGroup <= 0 ? (0, 0) : (costPerGroup, score / costPerGroup);
        }
    }
}

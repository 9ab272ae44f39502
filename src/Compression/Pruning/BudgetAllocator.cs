using Baize.Compression.Architectures;
using Baize.Compression.Layers;

namespace Baize.Compression.Pruning;

/// <summary>
/// Spreads a global parameter budget over the prunable layers: removes, one at a time, the group with the lowest
/// score (its norm relative to its layer's mean norm, divided by the layer's weight) until the architecture that keeps
/// the rest fits the budget. The result is the largest such architecture on that order, so the budget is met exactly:
/// at most <c>budget</c> parameters, and putting back the last group removed would exceed it. Every layer keeps at
/// least one group.
/// </summary>
public static class BudgetAllocator
{
    /// <param name="config">The unpruned architecture.</param>
    /// <param name="layers">Its prunable layers.</param>
    /// <param name="groupNorms">Per layer, one importance value per group (a group norm).</param>
    /// <param name="layerWeights">Per layer, how much it should be spared: a layer of weight 2 loses a group only when
    /// that group is half as important, relative to its layer, as the best candidate elsewhere.</param>
    /// <param name="budget">The parameter count to fit under.</param>
    /// <returns>Per layer name, the indices of the groups kept, ascending.</returns>
    public static Dictionary<string, IReadOnlyList<int>> Allocate(
        IEncoderConfig config,
        IReadOnlyList<PrunableLayer> layers,
        IReadOnlyList<double[]> groupNorms,
        IReadOnlyList<double> layerWeights,
        long budget)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(groupNorms);
        ArgumentNullException.ThrowIfNull(layerWeights);
        var widths = layers.ToDictionary(layer => layer.Name, layer => layer.GroupCount);
        var smallest = config.WithWidths(layers.ToDictionary(layer => layer.Name, _ => 1)).ParameterCount();
        if (smallest > budget)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"Even one group per layer needs {smallest} parameters.");
        }

        var candidates = new PriorityQueue<(int Layer, int Group), double>();
        for (var l = 0; l < layers.Count; l++)
        {
            var norms = groupNorms[l];
            var mean = Math.Max(norms.Average(), double.Epsilon);
            var weight = Math.Max(layerWeights[l], 1e-6);
            for (var g = 0; g < norms.Length; g++)
            {
                candidates.Enqueue((l, g), norms[g] / mean / weight);
            }
        }

        var removed = layers.Select(_ => new HashSet<int>()).ToArray();
        var order = new List<(int Layer, int Group, double Score)>();
        while (config.WithWidths(widths).ParameterCount() > budget)
        {
            candidates.TryDequeue(out var candidate, out var score);
            var (layer, group) = candidate;
            if (widths[layers[layer].Name] == 1)
            {
                continue;
            }

            removed[layer].Add(group);
            order.Add((layer, group, score));
            widths[layers[layer].Name]--;
        }

        // Groups differ in cost, so removing an expensive one late can leave room for cheaper ones removed earlier:
        // put back the most important of those while they fit, which leaves no removed group that would still fit.
        foreach (var (layer, group, _) in order.OrderByDescending(entry => entry.Score))
        {
            var name = layers[layer].Name;
            widths[name]++;
            if (config.WithWidths(widths).ParameterCount() <= budget)
            {
                removed[layer].Remove(group);
            }
            else
            {
                widths[name]--;
            }
        }

        return layers.Select((layer, l) => (layer.Name, Kept: (IReadOnlyList<int>)[.. Enumerable.Range(0, layer.GroupCount).Where(g => !removed[l].Contains(g))]))
            .ToDictionary(entry => entry.Name, entry => entry.Kept);
    }

    /// <summary>
    /// The uniform-rate allocation of one-shot pruning (Li et al., 2017): every layer keeps the same fraction of its
    /// groups, those of largest norm, with the fraction as large as the budget allows.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<int>> Uniform(IEncoderConfig config, IReadOnlyList<PrunableLayer> layers, IReadOnlyList<double[]> groupNorms, long budget)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(groupNorms);
        Dictionary<string, int> WidthsAt(double fraction) =>
            layers.ToDictionary(layer => layer.Name, layer => Math.Max(1, (int)Math.Floor(layer.GroupCount * fraction)));

        var (low, high) = (0.0, 1.0);
        for (var i = 0; i < 40; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = config.WithWidths(WidthsAt(middle)).ParameterCount() <= budget ? (middle, high) : (low, middle);
        }

        var widths = WidthsAt(low);
        if (config.WithWidths(widths).ParameterCount() > budget)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "Even one group per layer does not fit the budget.");
        }

        return layers.Select((layer, l) => (layer.Name, Kept: (IReadOnlyList<int>)[.. Enumerable.Range(0, layer.GroupCount)
                .OrderByDescending(g => groupNorms[l][g]).ThenBy(g => g).Take(widths[layer.Name]).Order()]))
            .ToDictionary(entry => entry.Name, entry => entry.Kept);
    }
}

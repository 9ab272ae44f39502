using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Dean;

/// <summary>What the dean reads about one layer at one moment.</summary>
/// <param name="Distillability">cos(∇L_distill, ∇L_task) on the layer's producers, in [-1, 1].</param>
/// <param name="Sparsability">Fraction of the layer's groups removable at bounded task loss, in [0, 1].</param>
/// <param name="Density">Groups the layer may keep over its groups, in (0, 1].</param>
/// <param name="Progress">Training progress t/T, in [0, 1].</param>
/// <param name="Depth">The layer's position among the prunable layers, in [0, 1].</param>
/// <param name="LossTrend">Relative change of the task loss over the recent steps (negative while it falls).</param>
/// <param name="GroupCost">ln of what one of the layer's groups costs in the budget, less the mean of that over the layers (clamped to ±3 and scaled to ±1 on input).</param>
public sealed record LayerState(double Distillability, double Sparsability, double Density, double Progress, double Depth, double LossTrend, double GroupCost)
{
    public const int FeatureCount = 7;
    private const double GroupCostLimit = 3;

    /// <summary>[L, <see cref="FeatureCount"/>], the dean's input.</summary>
    public static Tensor Stack(IReadOnlyList<LayerState> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        var values = states.SelectMany(s => new[] { s.Distillability, s.Sparsability, s.Density, s.Progress, s.Depth, Math.Clamp(s.LossTrend, -1, 1), Math.Clamp(s.GroupCost, -GroupCostLimit, GroupCostLimit) / GroupCostLimit })
            .Select(v => (float)v)
            .ToArray();
        return torch.tensor(values, [states.Count, FeatureCount]);
    }
}

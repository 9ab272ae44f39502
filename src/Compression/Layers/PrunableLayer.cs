using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// One set of structurally removable groups (channels, hidden units or heads) and the parameters that produce them.
/// Zeroing every producer slice of a group makes the group output exactly zero, so the group can then be removed
/// from the dense network without changing its function.
/// </summary>
/// <param name="Name">The state-dict path of the module that owns the producers, e.g. <c>backbone.stages.1.blocks.0.conv1</c>.</param>
/// <param name="Kind">What a group is.</param>
/// <param name="GroupCount">The current width: number of channels, units or heads.</param>
/// <param name="Producers">Every parameter slice that computes a group's output.</param>
public sealed record PrunableLayer(string Name, PrunableKind Kind, int GroupCount, IReadOnlyList<GroupedParameter> Producers)
{
    /// <summary>The L2 norm of each group over all its producer slices: a [GroupCount] tensor on the parameters' device.</summary>
    public Tensor GroupNorms()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var squares = zeros(GroupCount, device: Producers[0].Parameter.device);
        foreach (var producer in Producers)
        {
            // Moving the group axis first makes each group one row, whatever the parameter's rank.
            squares += producer.Parameter.transpose(producer.Axis, 0).reshape(GroupCount, -1).square().sum(1);
        }

        return squares.sqrt().MoveToOuterDisposeScope();
    }
}

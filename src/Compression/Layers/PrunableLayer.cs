using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// One set of structurally removable groups (channels, hidden units, heads or model width) and every tensor that has
/// a slice per group. Zeroing every producer slice of a group makes the group output exactly zero (see
/// <see cref="PrunableKind"/> for the one approximate kind), so the group can then be removed from the dense network,
/// its producer and dependent slices with it, without changing its function.
/// </summary>
/// <param name="Name">The state-dict path of the module that owns the producers, e.g. <c>backbone.stages.1.blocks.0.conv1</c>.</param>
/// <param name="Kind">What a group is.</param>
/// <param name="GroupCount">The current width: number of channels, units or heads.</param>
/// <param name="Producers">Every parameter slice that computes a group's output; the group norms and ADMM act on these.</param>
/// <param name="Dependents">Every other tensor with a slice per group: input columns of the readers, running statistics.</param>
/// <param name="Tap">Where the groups' activations can be observed.</param>
public sealed record PrunableLayer(
    string Name,
    PrunableKind Kind,
    int GroupCount,
    IReadOnlyList<GroupedParameter> Producers,
    IReadOnlyList<GroupSlice> Dependents,
    ActivationTap Tap)
{
    /// <summary>The L2 norm of each group over all its producer slices: a [GroupCount] tensor on the parameters' device.</summary>
    /// <param name="shifts">Added to the producers first, one tensor per producer (ADMM ranks the groups of W + U).</param>
    public Tensor GroupNorms(IReadOnlyList<Tensor>? shifts = null)
    {
        using var scope = NewDisposeScope();
        return SumOverProducers(i => shifts is null ? Producers[i].Parameter : Producers[i].Parameter + shifts[i], rows => rows.square().sum(1))
            .sqrt()
            .MoveToOuterDisposeScope();
    }

    /// <summary>The L1 norm of each group over all its producer slices (the filter-pruning criterion of Li et al., 2017).</summary>
    public Tensor GroupL1Norms()
    {
        return SumOverProducers(i => Producers[i].Parameter, rows => rows.abs().sum(1));
    }

    /// <summary>
    /// The first-order rise of a loss when each group is removed, |Σ over its producer slices of w·∂L/∂w| (Molchanov
    /// et al., 2017), read from the producers' current gradients; a producer without a gradient adds nothing.
    /// </summary>
    public Tensor GroupTaylorScores()
    {
        using var scope = NewDisposeScope();
        return SumOverProducers(
                i => Producers[i].Parameter.grad is { } grad ? Producers[i].Parameter * grad : zeros_like(Producers[i].Parameter),
                rows => rows.sum(1))
            .abs()
            .MoveToOuterDisposeScope();
    }

    /// <summary>
    /// <paramref name="tensor"/> with one row per group: the group axis moved first, then flattened. Each group's slice
    /// along the axis is contiguous, so a row holds exactly that group's entries.
    /// </summary>
    public static Tensor GroupRows(Tensor tensor, int axis, int groupCount)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor.movedim([axis], [0]).reshape(groupCount, -1);
    }

    /// <summary>The hidden units of a two-layer MLP: rows of the first layer, columns of the second.</summary>
    internal static PrunableLayer HiddenUnits(string name, TorchSharp.Modules.Linear hidden, TorchSharp.Modules.Linear output)
    {
        return new PrunableLayer(
            name,
            PrunableKind.HiddenUnits,
            (int)hidden.weight!.shape[0],
            [new(hidden.weight!, 0), new(hidden.bias!, 0)],
            [new(output.weight!, 1)],
            new ActivationTap(hidden, -1));
    }

    /// <summary>This layer with readers outside the module that listed it (an encoder adds its head's or its temporal model's input columns).</summary>
    public PrunableLayer WithDependents(IEnumerable<GroupSlice> more)
    {
        return this with { Dependents = [.. Dependents, .. more] };
    }

    /// <summary>Σ over the producers of <paramref name="perGroup"/> applied to the rows (one per group) of <paramref name="valuesOf"/>(producer index).</summary>
    private Tensor SumOverProducers(Func<int, Tensor> valuesOf, Func<Tensor, Tensor> perGroup)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var total = zeros(GroupCount, device: Producers[0].Parameter.device);
        for (var i = 0; i < Producers.Count; i++)
        {
            total += perGroup(GroupRows(valuesOf(i), Producers[i].Axis, GroupCount));
        }

        return total.MoveToOuterDisposeScope();
    }
}

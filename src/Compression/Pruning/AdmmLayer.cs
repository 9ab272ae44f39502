using Baize.Compression.Layers;
using static TorchSharp.torch;

namespace Baize.Compression.Pruning;

/// <summary>
/// The ADMM state of one prunable layer: for each producer W, the auxiliary Z (W + U projected onto at most
/// <see cref="Keep"/> groups) and the scaled dual U. The penalty (ρ/2)·||W − Z + U||² pulls W onto the sparse set;
/// <see cref="Update"/> is one ADMM round's Z and U step.
/// </summary>
public sealed class AdmmLayer : IDisposable
{
    private readonly Tensor[] _z;
    private readonly Tensor[] _u;

    public AdmmLayer(PrunableLayer layer, double rho)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        Rho = rho;
        Keep = layer.GroupCount;
        using var noGrad = no_grad();
        _z = [.. layer.Producers.Select(p => p.Parameter.detach().clone())];
        _u = [.. layer.Producers.Select(p => zeros_like(p.Parameter))];
        Kept = [.. Enumerable.Range(0, layer.GroupCount)];
    }

    public PrunableLayer Layer { get; }

    /// <summary>The penalty's weight; grows geometrically across rounds.</summary>
    public double Rho { get; set; }

    /// <summary>The groups Z may keep (k_l).</summary>
    public int Keep { get; set; }

    /// <summary>The groups of Z's support after the last update.</summary>
    public IReadOnlyList<int> Kept { get; private set; }

    public IReadOnlyList<Tensor> Z => _z;

    public IReadOnlyList<Tensor> U => _u;

    /// <summary>(ρ/2)·Σ ||W − Z + U||² over the producers, differentiable in W.</summary>
    public Tensor Penalty()
    {
        using var scope = NewDisposeScope();
        var total = zeros(1, device: _z[0].device).squeeze();
        for (var i = 0; i < _z.Length; i++)
        {
            total += (Layer.Producers[i].Parameter - _z[i] + _u[i]).square().sum();
        }

        return (total * (Rho / 2)).MoveToOuterDisposeScope();
    }

    /// <summary>The group norms of W + U: what the projection ranks, and what the budget allocator reads.</summary>
    public Tensor ShiftedNorms() => Layer.GroupNorms(_u);

    /// <summary>Z ← Π_k(W + U), then U ← U + W − Z.</summary>
    public void Update()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Kept = GroupProjection.LargestGroups(GroupProjection.Values(ShiftedNorms()), Keep);
        var mask = GroupProjection.Mask(Layer.GroupCount, Kept, _z[0].device);
        for (var i = 0; i < _z.Length; i++)
        {
            var producer = Layer.Producers[i];
            _z[i].copy_(GroupProjection.Apply(producer.Parameter + _u[i], producer.Axis, mask));
            _u[i].add_(producer.Parameter - _z[i]);
        }
    }

    /// <summary>Restores Z, U and the kept groups from a checkpoint (same shapes).</summary>
    public void Restore(IReadOnlyList<Tensor> z, IReadOnlyList<Tensor> u, IReadOnlyList<int> kept)
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(u);
        using var noGrad = no_grad();
        for (var i = 0; i < _z.Length; i++)
        {
            _z[i].copy_(z[i]);
            _u[i].copy_(u[i]);
        }

        Kept = kept;
        Keep = kept.Count;
    }

    public void Dispose()
    {
        foreach (var tensor in _z.Concat(_u))
        {
            tensor.Dispose();
        }
    }
}

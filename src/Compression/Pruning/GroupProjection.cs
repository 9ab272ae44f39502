using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Pruning;

/// <summary>The Euclidean projection onto "at most k groups non-zero": keep the k groups of largest L2 norm.</summary>
public static class GroupProjection
{
    /// <param name="norms">One norm per group.</param>
    /// <returns>The indices of the <paramref name="keep"/> largest norms, ascending (ties go to the lower index).</returns>
    public static int[] LargestGroups(IReadOnlyList<double> norms, int keep)
    {
        ArgumentNullException.ThrowIfNull(norms);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, norms.Count);
        return [.. Ranking(norms).Take(keep).Order()];
    }

    /// <summary>Every group's index from the largest norm to the smallest, ties to the lower index: the order groups are kept in.</summary>
    public static int[] Ranking(IReadOnlyList<double> norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        return [.. Enumerable.Range(0, norms.Count).OrderByDescending(g => norms[g]).ThenBy(g => g)];
    }

    /// <summary>A [G] norm tensor's values, on the CPU.</summary>
    public static double[] Values(Tensor norms)
    {
        ArgumentNullException.ThrowIfNull(norms);
        return norms.cpu().to_type(ScalarType.Float64).data<double>().ToArray();
    }

    /// <summary>A [G] float mask with 1 at <paramref name="kept"/> and 0 elsewhere.</summary>
    public static Tensor Mask(int groupCount, IReadOnlyList<int> kept, Device device)
    {
        ArgumentNullException.ThrowIfNull(kept);
        var mask = new float[groupCount];
        foreach (var group in kept)
        {
            mask[group] = 1f;
        }

        return torch.tensor(mask, device: device);
    }

    /// <summary>
    /// Multiplies each group's slice of <paramref name="tensor"/> along <paramref name="axis"/> by its entry in
    /// <paramref name="mask"/>: the projection itself, applied to one producer (or activation) tensor.
    /// </summary>
    public static Tensor Apply(Tensor tensor, int axis, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(mask);
        var dimension = axis < 0 ? (int)tensor.dim() + axis : axis;
        var groups = mask.shape[0];
        var sliceSize = tensor.shape[dimension] / groups;
        var perIndex = mask.repeat_interleave(sliceSize);
        var shape = Enumerable.Repeat(1L, (int)tensor.dim()).ToArray();
        shape[dimension] = tensor.shape[dimension];
        return tensor * perIndex.reshape(shape);
    }
}

using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Pruning;

/// <summary>The Euclidean projection onto "at most k groups non-zero": keep the k groups of largest L2 norm.</summary>
public static class GroupProjection
{
    /// <param name="norms">[G] group norms.</param>
    /// <returns>The indices of the <paramref name="keep"/> largest norms, ascending (ties go to the lower index).</returns>
    public static int[] LargestGroups(Tensor norms, int keep)
    {
        ArgumentNullException.ThrowIfNull(norms);
        var values = norms.cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, values.Length);
        return [.. Enumerable.Range(0, values.Length).OrderByDescending(g => values[g]).ThenBy(g => g).Take(keep).Order()];
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

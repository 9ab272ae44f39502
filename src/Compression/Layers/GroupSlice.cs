using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// A tensor that is not a producer of a layer's groups yet holds one slice per group along <paramref name="Axis"/>
/// (equal, contiguous slices, like <see cref="GroupedParameter"/>): the input columns of the layers that read the
/// groups and the batch-norm running statistics of the channels. Hard pruning keeps the same slices of these as of
/// the producers; ADMM and the group norms leave them alone.
/// </summary>
public sealed record GroupSlice(Tensor Tensor, int Axis);

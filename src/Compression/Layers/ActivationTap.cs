using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// The module whose output carries a layer's groups, one equal contiguous slice each along <paramref name="Axis"/>
/// (negative counts from the end): where a distillation hint compares a student's groups with its teacher's.
/// </summary>
public sealed record ActivationTap(nn.Module<Tensor, Tensor> Module, int Axis);

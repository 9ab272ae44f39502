using TorchSharp.Modules;

namespace Baize.Compression.Layers;

/// <summary>
/// A parameter whose slices along <paramref name="Axis"/> belong to a layer's groups: the tensor splits into
/// <c>GroupCount</c> equal, contiguous slices along that axis, slice g belonging to group g (one channel or unit per
/// slice, or the rows of one attention head).
/// </summary>
public sealed record GroupedParameter(Parameter Parameter, int Axis);

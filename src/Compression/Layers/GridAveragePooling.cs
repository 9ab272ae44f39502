using Baize.Compression.Onnx;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// Averages non-overlapping windows of a [N, C, H, W] map and flattens the result to [N, C·(H/k)·(W/k)]: a coarse
/// layout instead of one global average, for features that must say where things are.
/// </summary>
public static class GridAveragePooling
{
    /// <param name="map">[N, C, H, W] with H and W multiples of <paramref name="window"/>.</param>
    /// <param name="window">Side of the square averaging window (and its stride).</param>
    public static Tensor Apply(Tensor map, int window)
    {
        using var scope = NewDisposeScope();
        return nn.functional.avg_pool2d(map, window).flatten(1).MoveToOuterDisposeScope();
    }

    public static string Export(OnnxGraphBuilder graph, string map, int window)
    {
        var pooled = graph.Node(
            "AveragePool",
            [map],
            OnnxAttributes.Ints("kernel_shape", window, window),
            OnnxAttributes.Ints("strides", window, window));
        return graph.Node("Flatten", [pooled], OnnxAttributes.Value("axis", 1));
    }
}

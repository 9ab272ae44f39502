using Baize.Compression.Onnx;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>Averages a [N, C, H, W] feature map over its positions, giving [N, C].</summary>
public static class GlobalAveragePooling
{
    public static Tensor Apply(Tensor map)
    {
        return map.mean([2, 3]);
    }

    public static string Export(OnnxGraphBuilder graph, string map)
    {
        return graph.Node("Flatten", [graph.Node("GlobalAveragePool", [map])], OnnxAttributes.Value("axis", 1));
    }
}

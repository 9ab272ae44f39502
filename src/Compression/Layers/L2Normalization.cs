using Baize.Compression.Onnx;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>Scales each row to unit L2 norm, the last step of every encoder: x / max(‖x‖, ε) along axis 1.</summary>
public static class L2Normalization
{
    /// <summary>TorchSharp's default floor on the norm; the ONNX graph uses the same, so zero rows stay zero in both.</summary>
    public const float Epsilon = 1e-12f;

    public static Tensor Apply(Tensor rows)
    {
        return nn.functional.normalize(rows, p: 2, dim: 1, eps: Epsilon);
    }

    /// <summary>ReduceL2, Max with ε, Div: the formula of <see cref="Apply"/> (LpNormalization has no ε floor).</summary>
    public static string Export(OnnxGraphBuilder graph, string rows)
    {
        var norm = graph.Node("ReduceL2", [rows], OnnxAttributes.Ints("axes", 1), OnnxAttributes.Value("keepdims", 1));
        var floored = graph.Node("Max", [norm, graph.Scalar(Epsilon)]);
        return graph.Node("Div", [rows, floored]);
    }
}

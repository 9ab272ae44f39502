using Baize.Compression.Onnx;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>Averages token vectors over the real tokens only: Σ mᵢ·xᵢ / max(Σ mᵢ, 1), with m the 0/1 attention mask.</summary>
public static class MaskedMeanPooling
{
    /// <param name="tokens">[N, T, D] token vectors.</param>
    /// <param name="mask">[N, T] float mask, 1 for real tokens and 0 for padding.</param>
    /// <returns>[N, D]; an all-padding row pools to zeros rather than dividing by zero.</returns>
    public static Tensor Apply(Tensor tokens, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var sum = (tokens * mask.unsqueeze(2)).sum(1);
        var count = mask.sum(1, keepdim: true).clamp_min(1f);
        return (sum / count).MoveToOuterDisposeScope();
    }

    /// <summary>The same computation in ONNX; <paramref name="mask"/> names the float [N, T] mask.</summary>
    public static string Export(OnnxGraphBuilder graph, string tokens, string mask)
    {
        var weights = graph.Node("Unsqueeze", [mask, graph.Int64s(2)]);
        var weighted = graph.Node("Mul", [tokens, weights]);
        var sum = graph.Node("ReduceSum", [weighted, graph.Int64s(1)], OnnxAttributes.Value("keepdims", 0));
        var count = graph.Node("ReduceSum", [mask, graph.Int64s(1)], OnnxAttributes.Value("keepdims", 1));
        var floored = graph.Node("Max", [count, graph.Scalar(1f)]);
        return graph.Node("Div", [sum, floored]);
    }
}

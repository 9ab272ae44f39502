using TorchSharp.Modules;

namespace Baize.Compression.Onnx;

/// <summary>
/// The ONNX nodes for TorchSharp's built-in layers, which cannot implement <see cref="IOnnxExportable"/> themselves.
/// Each method reproduces the module's inference-mode forward pass for opset 17.
/// </summary>
public static class OnnxModuleExport
{
    /// <summary>y = x·Wᵀ + b for inputs of any rank (MatMul broadcasts over leading dimensions, Gemm would not).</summary>
    public static string Linear(OnnxGraphBuilder graph, Linear linear, string input)
    {
        // Transposing the stored weight in the graph keeps initializers identical to the state dict; runtimes fold it once.
        var weightTransposed = graph.Node("Transpose", [graph.Weight(linear.weight)], OnnxAttributes.Ints("perm", 1, 0));
        var product = graph.Node("MatMul", [input, weightTransposed]);
        return linear.bias is null ? product : graph.Node("Add", [product, graph.Weight(linear.bias)]);
    }

    /// <summary>Conv1d and Conv2d (zero padding) with the module's own kernel, stride, padding, dilation and groups.</summary>
    public static string Conv(OnnxGraphBuilder graph, Convolution convolution, string input)
    {
        if (convolution.padding_mode != TorchSharp.PaddingModes.Zeros)
        {
            throw new NotSupportedException($"Only zero padding exports to ONNX Conv, not {convolution.padding_mode}.");
        }

        var padding = convolution.padding ?? throw new NotSupportedException("Only numeric padding exports to ONNX Conv.");
        List<string> inputs = [input, graph.Weight(convolution.weight)];
        if (convolution.bias is not null)
        {
            inputs.Add(graph.Weight(convolution.bias));
        }

        // ONNX pads list every axis's start padding, then every axis's end padding.
        return graph.Node(
            "Conv",
            inputs,
            OnnxAttributes.Ints("kernel_shape", convolution.kernel_size),
            OnnxAttributes.Ints("strides", convolution.stride),
            OnnxAttributes.Ints("pads", [.. padding, .. padding]),
            OnnxAttributes.Ints("dilations", convolution.dilation),
            OnnxAttributes.Value("group", convolution.groups));
    }

    /// <summary>Batch normalisation with the running statistics, as in TorchSharp's eval mode.</summary>
    public static string BatchNorm(OnnxGraphBuilder graph, BatchNorm2d norm, string input)
    {
        return graph.Node(
            "BatchNormalization",
            [input, graph.Weight(norm.weight), graph.Weight(norm.bias), graph.Weight(norm.running_mean), graph.Weight(norm.running_var)],
            OnnxAttributes.Value("epsilon", (float)norm.eps));
    }

    /// <summary>Layer normalisation over the last axis (LayerNormalization exists from opset 17).</summary>
    public static string LayerNorm(OnnxGraphBuilder graph, LayerNorm norm, string input)
    {
        return graph.Node(
            "LayerNormalization",
            [input, graph.Weight(norm.weight), graph.Weight(norm.bias)],
            OnnxAttributes.Value("axis", -1),
            OnnxAttributes.Value("epsilon", (float)norm.eps));
    }

    /// <summary>Embedding lookup: rows of the table gathered by int64 indices.</summary>
    public static string Embedding(OnnxGraphBuilder graph, TorchSharp.Modules.Embedding embedding, string indices)
    {
        return graph.Node("Gather", [graph.Weight(embedding.weight), indices], OnnxAttributes.Value("axis", 0));
    }
}

namespace Baize.Compression.Onnx;

/// <summary>A single-input layer that can emit the ONNX nodes equivalent to its inference-mode forward pass.</summary>
public interface IOnnxExportable
{
    /// <summary>Emits this layer's nodes reading the graph value <paramref name="input"/>.</summary>
    /// <returns>The name of the graph value holding the layer's output.</returns>
    string Export(OnnxGraphBuilder graph, string input);
}

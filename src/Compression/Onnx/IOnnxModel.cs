namespace Baize.Compression.Onnx;

/// <summary>A whole model that can describe its inference-mode forward pass as one ONNX graph.</summary>
public interface IOnnxModel
{
    /// <summary>The name of the exported graph; for an encoder, also the architecture name its model manifest records.</summary>
    string ArchitectureName { get; }

    /// <summary>Declares the graph inputs, emits the nodes of the forward pass and declares the graph outputs.</summary>
    void DefineOnnxGraph(OnnxGraphBuilder graph);
}

using System.Diagnostics.CodeAnalysis;

namespace Baize.Embedding.Manifests;

/// <summary>Element types the encoder contract uses; written as "float32" and "int64" in manifests.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name ONNX tensor element types.")]
public enum TensorElementKind
{
    Float32,
    Int64,
}

using System.Diagnostics.CodeAnalysis;
using Baize.Embedding.Manifests;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Baize.Embedding.Models;

/// <summary>Checks that an ONNX model's inputs and output are exactly the ones its manifest declares.</summary>
internal static class OnnxSignature
{
    public static void Verify(InferenceSession session, ModelManifest manifest, string folder)
    {
        foreach (var spec in manifest.Inputs)
        {
            if (!session.InputMetadata.TryGetValue(spec.Name, out var actual))
            {
                Fail(folder, $"has no input '{spec.Name}' (its inputs: {string.Join(", ", session.InputMetadata.Keys)}).");
            }

            Compare(folder, "input", spec.Name, spec.ElementType, spec.Shape, actual);
        }

        var undeclared = session.InputMetadata.Keys.Except(manifest.Inputs.Select(i => i.Name)).ToList();
        if (undeclared.Count > 0)
        {
            Fail(folder, $"input(s) {string.Join(", ", undeclared)} are not declared in manifest.json.");
        }

        if (!session.OutputMetadata.TryGetValue(manifest.Output, out var output))
        {
            Fail(folder, $"has no output '{manifest.Output}' (its outputs: {string.Join(", ", session.OutputMetadata.Keys)}).");
        }

        Compare(folder, "output", manifest.Output, TensorElementKind.Float32, [EncoderContract.Batch, manifest.Dimension], output);
    }

    private static void Compare(string folder, string role, string name, TensorElementKind expectedType, IReadOnlyList<long> expectedShape, NodeMetadata actual)
    {
        if (!actual.IsTensor)
        {
            Fail(folder, $"{role} '{name}' is a {actual.OnnxValueType}, not a tensor.");
        }

        var expectedElement = expectedType == TensorElementKind.Int64 ? TensorElementType.Int64 : TensorElementType.Float;
        if (actual.ElementDataType != expectedElement)
        {
            Fail(folder, $"{role} '{name}' has element type {actual.ElementDataType}; expected {expectedElement}.");
        }

        // ONNX Runtime reports symbolic dimensions as -1, the manifest's marker for the batch dimension.
        var shape = actual.Dimensions.Select(d => (long)d).ToArray();
        if (!shape.SequenceEqual(expectedShape))
        {
            Fail(folder, $"{role} '{name}' has shape [{string.Join(", ", shape)}]; manifest.json requires [{string.Join(", ", expectedShape)}] (-1 = dynamic batch).");
        }
    }

    [DoesNotReturn]
    private static void Fail(string folder, string problem) =>
        throw new ModelValidationException(folder, ModelFolder.ModelFileName, problem);
}

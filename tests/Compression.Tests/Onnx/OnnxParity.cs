using Baize.Compression.Architectures;
using Baize.Compression.Onnx;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Onnx;

/// <summary>Runs an encoder in TorchSharp and, exported, in ONNX Runtime on the same inputs, and compares the embeddings.</summary>
internal static class OnnxParity
{
    public const float Tolerance = 1e-4f;

    /// <param name="encoder">The encoder, already in the mode to compare (eval).</param>
    /// <param name="forward">The TorchSharp forward pass on <paramref name="inputs"/>.</param>
    /// <param name="inputs">Graph input names and their values, fed to both sides.</param>
    public static void AssertMatches<TEncoder>(TEncoder encoder, Func<TEncoder, Tensor> forward, params (string Name, Tensor Value)[] inputs)
        where TEncoder : nn.Module, IEncoder
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var expected = forward(encoder).data<float>().ToArray();
        var actual = Run(OnnxExporter.Export(encoder), inputs);

        Assert.Equal(expected.Length, actual.Length);
        var maxDifference = expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDifference <= Tolerance, $"max abs difference {maxDifference}");
        AssertUnitRows(expected);
        AssertUnitRows(actual);
    }

    /// <summary>Runs the model in ONNX Runtime and returns the embedding output, flattened.</summary>
    public static float[] Run(byte[] model, params (string Name, Tensor Value)[] inputs)
    {
        using var session = new InferenceSession(model);
        using var runOptions = new RunOptions();
        var values = inputs.Select(input => ToOrtValue(input.Value)).ToArray();
        try
        {
            using var outputs = session.Run(runOptions, [.. inputs.Select(input => input.Name)], values, [EncoderContract.EmbeddingOutput]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private static OrtValue ToOrtValue(Tensor tensor)
    {
        return tensor.dtype switch
        {
            ScalarType.Float32 => OrtValue.CreateTensorValueFromMemory(tensor.data<float>().ToArray(), tensor.shape),
            ScalarType.Int64 => OrtValue.CreateTensorValueFromMemory(tensor.data<long>().ToArray(), tensor.shape),
            _ => throw new ArgumentException($"No ONNX input of type {tensor.dtype} in the encoder contract.", nameof(tensor)),
        };
    }

    private static void AssertUnitRows(float[] embeddings)
    {
        for (var row = 0; row < embeddings.Length / EncoderContract.EmbeddingDimension; row++)
        {
            var squares = embeddings.AsSpan(row * EncoderContract.EmbeddingDimension, EncoderContract.EmbeddingDimension).ToArray().Sum(x => x * x);
            Assert.Equal(1.0, Math.Sqrt(squares), 4);
        }
    }
}

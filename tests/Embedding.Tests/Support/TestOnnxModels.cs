namespace Baize.Embedding.Tests.Support;

/// <summary>
/// Tiny encoder models honouring the Baize ONNX contract, built in memory: pooling, a seeded random linear map
/// with bias, and L2 normalisation. Different inputs give different unit vectors, which is all the runtime tests need.
/// Names and dimensions can be bent to produce deliberately mismatched models.
/// </summary>
internal static class TestOnnxModels
{
    private const int Pool = 8;

    public static byte[] Text(int vocabularySize, int maxTokens = 32, int dimension = 128, string idsName = "input_ids", string maskName = "attention_mask") =>
        new OnnxGraphBuilder()
            .Input(idsName, OnnxGraphBuilder.Int64Type, null, maxTokens)
            .Input(maskName, OnnxGraphBuilder.Int64Type, null, maxTokens)
            .FloatInitializer("table", Random(vocabularySize * dimension, seed: 1), vocabularySize, dimension)
            .Int64Initializer("axis2", [2], 1)
            .Node("Gather", ["table", idsName], ["tokens"])
            .Node("Cast", [maskName], ["mask_f"], intAttributes: new() { ["to"] = OnnxGraphBuilder.FloatType })
            .Node("Unsqueeze", ["mask_f", "axis2"], ["mask3"])
            .Node("Mul", ["tokens", "mask3"], ["masked"])
            .Node("ReduceMean", ["masked"], ["pooled"], new() { ["axes"] = [1] }, new() { ["keepdims"] = 0 })
            .Pipe(b => Head(b, "pooled", dimension, dimension))
            .Build();

    /// <summary>An image model; a different <paramref name="seed"/> gives different weights, to tell versions apart.</summary>
    public static byte[] Image(int size = 64, int dimension = 128, string inputName = "pixels", int seed = 0) =>
        new OnnxGraphBuilder()
            .Input(inputName, OnnxGraphBuilder.FloatType, null, 3, size, size)
            .Pipe(b => PooledImageHead(b, inputName, size, dimension, seed))
            .Build();

    public static byte[] Audio(int melBins = 64, int frames = 300, int dimension = 128, string inputName = "log_mel") =>
        new OnnxGraphBuilder()
            .Input(inputName, OnnxGraphBuilder.FloatType, null, 1, melBins, frames)
            .Node("ReduceMean", [inputName], ["over_time"], new() { ["axes"] = [3] }, new() { ["keepdims"] = 0 })
            .Node("Flatten", ["over_time"], ["features"], intAttributes: new() { ["axis"] = 1 })
            .Pipe(b => Head(b, "features", melBins, dimension))
            .Build();

    public static byte[] Video(int frameCount = 8, int size = 64, int dimension = 128, string inputName = "frames") =>
        new OnnxGraphBuilder()
            .Input(inputName, OnnxGraphBuilder.FloatType, null, frameCount, 3, size, size)
            .Node("ReduceMean", [inputName], ["mean_frame"], new() { ["axes"] = [1] }, new() { ["keepdims"] = 0 })
            .Pipe(b => PooledImageHead(b, "mean_frame", size, dimension))
            .Build();

    private static OnnxGraphBuilder PooledImageHead(OnnxGraphBuilder builder, string input, int size, int dimension, int seed = 0)
    {
        var cells = size / Pool;
        return builder
            .Node("AveragePool", [input], ["pooled"], new() { ["kernel_shape"] = [Pool, Pool], ["strides"] = [Pool, Pool] })
            .Node("Flatten", ["pooled"], ["features"], intAttributes: new() { ["axis"] = 1 })
            .Pipe(b => Head(b, "features", 3 * cells * cells, dimension, seed));
    }

    /// <summary>features [N, inputs] → MatMul → Add bias → LpNormalization → "embedding" [N, dimension].</summary>
    private static OnnxGraphBuilder Head(OnnxGraphBuilder builder, string features, int inputs, int dimension, int seed = 0) =>
        builder
            .FloatInitializer("weight", Random(inputs * dimension, seed: 2 + (10 * seed)), inputs, dimension)
            .FloatInitializer("bias", Random(dimension, seed: 3 + (10 * seed)), dimension)
            .Node("MatMul", [features, "weight"], ["projected"])
            .Node("Add", ["projected", "bias"], ["shifted"])
            .Node("LpNormalization", ["shifted"], ["embedding"], intAttributes: new() { ["axis"] = 1, ["p"] = 2 })
            .Output("embedding", OnnxGraphBuilder.FloatType, null, dimension);

    private static OnnxGraphBuilder Pipe(this OnnxGraphBuilder builder, Func<OnnxGraphBuilder, OnnxGraphBuilder> step) => step(builder);

    private static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2) - 1))];
    }
}

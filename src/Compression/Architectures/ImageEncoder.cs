using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>Image encoder: residual CNN over [N, 3, 64, 64] pixels, global average pooling, projection head, L2 normalisation.</summary>
public sealed class ImageEncoder : nn.Module<Tensor, Tensor>, IEncoder
{
    [ComponentName(Name = "backbone")]
    private readonly ResidualCnn _backbone;

    [ComponentName(Name = "head")]
    private readonly ProjectionHead _head;

    public ImageEncoder(ImageEncoderConfig config)
        : base(nameof(ImageEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _backbone = new ResidualCnn(config.Backbone);
        _head = new ProjectionHead(config.Backbone.OutputWidth, config.HeadHiddenUnits, EncoderContract.EmbeddingDimension);
        RegisterComponents();
    }

    public ImageEncoderConfig Config { get; }

    /// <param name="pixels">[N, 3, 64, 64] normalised pixels.</param>
    /// <returns>[N, 128] unit-norm embeddings.</returns>
    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var features = GlobalAveragePooling.Apply(_backbone.forward(pixels));
        return L2Normalization.Apply(_head.forward(features)).MoveToOuterDisposeScope();
    }

    public void DefineOnnxGraph(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var pixels = graph.AddInput(
            EncoderContract.ImageInput,
            TensorProto.Types.DataType.Float,
            EncoderContract.ImageChannels,
            EncoderContract.ImageSize,
            EncoderContract.ImageSize);
        var features = GlobalAveragePooling.Export(graph, _backbone.Export(graph, pixels));
        var embedding = L2Normalization.Export(graph, _head.Export(graph, features));
        graph.AddOutput(EncoderContract.EmbeddingOutput, embedding, EncoderContract.EmbeddingDimension);
    }

    public long ParameterCount()
    {
        return parameters().Sum(parameter => parameter.numel());
    }

    public long MacsPerItem()
    {
        return Config.MacsPerItem();
    }

    public IReadOnlyList<PrunableLayer> PrunableLayers()
    {
        return [.. _backbone.PrunableLayers("backbone"), _head.HiddenUnits("head")];
    }
}

using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>Audio encoder: residual CNN over [N, 1, 64, 300] log-mel spectrograms, global average pooling, projection head, L2 normalisation.</summary>
public sealed class AudioEncoder : nn.Module<Tensor, Tensor>, IEncoder
{
    [ComponentName(Name = "backbone")]
    private readonly ResidualCnn _backbone;

    [ComponentName(Name = "head")]
    private readonly ProjectionHead _head;

    public AudioEncoder(AudioEncoderConfig config)
        : base(nameof(AudioEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _backbone = new ResidualCnn(config.Backbone);
        _head = new ProjectionHead(config.Backbone.OutputWidth, config.HeadHiddenUnits, EncoderContract.EmbeddingDimension);
        RegisterComponents();
    }

    public AudioEncoderConfig Config { get; }

    /// <param name="logMel">[N, 1, 64, 300] normalised log-mel spectrograms (mel bins by frames).</param>
    /// <returns>[N, 128] unit-norm embeddings.</returns>
    public override Tensor forward(Tensor logMel)
    {
        using var scope = NewDisposeScope();
        var features = GlobalAveragePooling.Apply(_backbone.forward(logMel));
        return L2Normalization.Apply(_head.forward(features)).MoveToOuterDisposeScope();
    }

    public void DefineOnnxGraph(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var logMel = graph.AddInput(
            EncoderContract.AudioInput,
            TensorProto.Types.DataType.Float,
            EncoderContract.AudioChannels,
            EncoderContract.AudioMelBins,
            EncoderContract.AudioFrames);
        var features = GlobalAveragePooling.Export(graph, _backbone.Export(graph, logMel));
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

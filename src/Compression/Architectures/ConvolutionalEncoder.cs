using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>
/// The image and the audio encoder: residual CNN over one [N, C, H, W] input, global average pooling, projection
/// head, L2 normalisation. The two modalities differ only in their <see cref="ConvolutionalInput"/> and widths.
/// </summary>
/// <remarks>
/// The state-dict keys (<c>backbone.…</c>, <c>head.…</c>) are those of the former ImageEncoder and AudioEncoder
/// classes, so weights trained with either load into this class.
/// </remarks>
public sealed class ConvolutionalEncoder : nn.Module<Tensor, Tensor>, IEncoder
{
    [ComponentName(Name = "backbone")]
    private readonly ResidualCnn _backbone;

    [ComponentName(Name = "head")]
    private readonly ProjectionHead _head;

    public ConvolutionalEncoder(ConvolutionalEncoderConfig config)
        : base(nameof(ConvolutionalEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        // The input channels are stated twice (the contract's input and the CNN's first convolution); a model whose
        // two disagree would export a graph that ONNX Runtime refuses to run.
        if (config.Backbone.InputChannels != config.Input.Channels)
        {
            throw new ArgumentException(
                $"The backbone reads {config.Backbone.InputChannels} channels, but the {config.Input.TensorName} input has {config.Input.Channels}.",
                nameof(config));
        }

        Config = config;
        _backbone = new ResidualCnn(config.Backbone);
        _head = new ProjectionHead(config.Backbone.OutputWidth, config.HeadHiddenUnits, EncoderContract.EmbeddingDimension);
        RegisterComponents();
    }

    public ConvolutionalEncoderConfig Config { get; }

    IEncoderConfig IEncoder.Config => Config;

    public string ArchitectureName => Config.Input.ArchitectureName;

    /// <param name="input">[N, C, H, W] as <see cref="ConvolutionalEncoderConfig.Input"/> describes: normalised pixels or log-mel spectrograms.</param>
    /// <returns>[N, 128] unit-norm embeddings.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = GlobalAveragePooling.Apply(_backbone.call(input));
        return L2Normalization.Apply(_head.call(features)).MoveToOuterDisposeScope();
    }

    public void DefineOnnxGraph(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var spec = Config.Input;
        var input = graph.AddInput(spec.TensorName, TensorProto.Types.DataType.Float, spec.Channels, spec.Height, spec.Width);
        var features = GlobalAveragePooling.Export(graph, _backbone.Export(graph, input));
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
        return [.. _backbone.PrunableLayers("backbone", _head.InputColumns()), _head.HiddenUnits("head")];
    }
}

using Baize.Compression.Architectures;
using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Classification;

/// <summary>
/// An image classifier built from the encoders' own parts (residual CNN, global average pooling, the two-layer head),
/// so its prunable layers, pruner and costs are the ones the compressor already handles. Returns logits.
/// </summary>
public sealed class Classifier : nn.Module<Tensor, Tensor>, IEncoder
{
    public const string InputName = "images";
    public const string OutputName = "logits";

    [ComponentName(Name = "backbone")]
    private readonly ResidualCnn _backbone;

    [ComponentName(Name = "head")]
    private readonly ProjectionHead _head;

    public Classifier(ClassifierConfig config)
        : base(nameof(Classifier))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _backbone = new ResidualCnn(config.Backbone);
        _head = new ProjectionHead(config.Backbone.OutputWidth, config.HeadHiddenUnits, config.Classes);
        RegisterComponents();
    }

    public ClassifierConfig Config { get; }

    IEncoderConfig IEncoder.Config => Config;

    public string ArchitectureName => ClassifierConfig.Name;

    /// <param name="input">[N, 1, 28, 28] normalised grey images.</param>
    /// <returns>[N, classes] logits.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _head.call(GlobalAveragePooling.Apply(_backbone.call(input))).MoveToOuterDisposeScope();
    }

    public void DefineOnnxGraph(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var side = ClassifierConfig.ImageSide;
        var input = graph.AddInput(InputName, TensorProto.Types.DataType.Float, Config.Backbone.InputChannels, side, side);
        var logits = _head.Export(graph, GlobalAveragePooling.Export(graph, _backbone.Export(graph, input)));
        graph.AddOutput(OutputName, logits, Config.Classes);
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

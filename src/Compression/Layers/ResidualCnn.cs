using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// A ResNet-style feature extractor: 3x3 stem, then residual stages. Maps [N, C, H, W] to the final feature map
/// [N, <see cref="ResidualCnnConfig.OutputWidth"/>, H', W'] (see <see cref="ResidualCnnConfig.OutputSize"/>); the
/// encoder chooses how to pool it.
/// </summary>
public sealed class ResidualCnn : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ComponentName(Name = "stem")]
    private readonly ConvBatchNorm _stem;

    [ComponentName(Name = "stages")]
    private readonly ModuleList<ResidualStage> _stages = new();

    private readonly ResidualCnnConfig _config;

    public ResidualCnn(ResidualCnnConfig config)
        : base(nameof(ResidualCnn))
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _stem = new ConvBatchNorm(config.InputChannels, config.StemWidth, 3, config.StemStride, applyRelu: true);
        var channels = config.StemWidth;
        foreach (var stage in config.Stages)
        {
            _stages.Add(new ResidualStage(channels, stage));
            channels = stage.Width;
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = _stem.call(input);
        foreach (var stage in _stages)
        {
            features = stage.call(features);
        }

        return features.MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var features = _stem.Export(graph, input);
        foreach (var stage in _stages)
        {
            features = stage.Export(graph, features);
        }

        return features;
    }

    /// <summary>
    /// The stem's channels, each block's inner channels and each stage's residual-stream channels, named under
    /// <paramref name="path"/> (this module's state-dict path). A stage whose first block has an identity shortcut
    /// shares its channels with its input, so its producers join the group of the layer before it. The last layer is
    /// the output stream, read by <paramref name="outputReader"/> (the input columns of the module after the CNN).
    /// </summary>
    internal IReadOnlyList<PrunableLayer> PrunableLayers(string path, GroupSlice outputReader)
    {
        var layers = StreamLayers(path);
        return [.. layers.Take(layers.Count - 1), layers[^1].WithDependents([outputReader])];
    }

    private List<PrunableLayer> StreamLayers(string path)
    {
        var layers = new List<PrunableLayer>();
        var stream = new StreamGroup($"{path}.stem", _config.StemWidth, _stem);
        stream.Producers.AddRange(_stem.OutputProducers());
        stream.Dependents.AddRange(_stem.OutputStatistics());
        for (var s = 0; s < _stages.Count; s++)
        {
            var stage = _stages[s];
            stream.Dependents.AddRange(stage.InputColumns());
            if (_config.Stages[s].Projects(stream.Width))
            {
                layers.Add(stream.ToLayer());
                stream = new StreamGroup($"{path}.stages.{s}", _config.Stages[s].Width, stage.LastBlock);
            }

            layers.AddRange(stage.InnerChannels($"{path}.stages.{s}"));
            stream.Producers.AddRange(stage.OutputProducers());
            stream.Dependents.AddRange(stage.OutputStatistics());
            stream.Dependents.AddRange(stage.StreamReaders());
            stream.Tap = stage.LastBlock;
        }

        layers.Add(stream.ToLayer());
        return layers;
    }

    /// <summary>The residual-stream channels being collected while walking the stages.</summary>
    private sealed class StreamGroup(string name, int width, nn.Module<Tensor, Tensor> tap)
    {
        public int Width => width;

        public List<GroupedParameter> Producers { get; } = [];

        public List<GroupSlice> Dependents { get; } = [];

        public nn.Module<Tensor, Tensor> Tap { get; set; } = tap;

        public PrunableLayer ToLayer() => new(name, PrunableKind.ConvChannels, width, Producers, Dependents, new ActivationTap(Tap, 1));
    }
}

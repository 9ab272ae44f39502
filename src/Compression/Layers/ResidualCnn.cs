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
        var features = _stem.forward(input);
        foreach (var stage in _stages)
        {
            features = stage.forward(features);
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
    /// shares its channels with its input, so its producers join the group of the layer before it.
    /// </summary>
    internal IEnumerable<PrunableLayer> PrunableLayers(string path)
    {
        var layers = new List<PrunableLayer>();
        var streamName = $"{path}.stem";
        var streamWidth = _config.StemWidth;
        var streamProducers = _stem.OutputProducers().ToList();
        for (var s = 0; s < _stages.Count; s++)
        {
            var stagePath = $"{path}.stages.{s}";
            if (_config.Stages[s].Projects(streamWidth))
            {
                layers.Add(new PrunableLayer(streamName, PrunableKind.ConvChannels, streamWidth, streamProducers));
                (streamName, streamWidth, streamProducers) = (stagePath, _config.Stages[s].Width, []);
            }

            layers.AddRange(_stages[s].InnerChannels(stagePath));
            streamProducers.AddRange(_stages[s].OutputProducers());
        }

        layers.Add(new PrunableLayer(streamName, PrunableKind.ConvChannels, streamWidth, streamProducers));
        return layers;
    }
}

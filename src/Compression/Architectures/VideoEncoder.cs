using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>
/// Video encoder: a residual CNN maps each of the 8 frames to a coarse 2x2 grid of features (position survives),
/// temporal convolutions run over the ordered frame features (so the embedding can depend on motion direction, not
/// only on content), the result is averaged over time, projected and L2-normalised.
/// </summary>
public sealed class VideoEncoder : nn.Module<Tensor, Tensor>, IEncoder
{
    [ComponentName(Name = "backbone")]
    private readonly ResidualCnn _backbone;

    [ComponentName(Name = "temporal")]
    private readonly ModuleList<TemporalConv> _temporal = new();

    [ComponentName(Name = "head")]
    private readonly ProjectionHead _head;

    /// <summary>Side of the averaging window that reduces a frame's feature map to the frame grid.</summary>
    private readonly int _poolWindow;

    public VideoEncoder(VideoEncoderConfig config)
        : base(nameof(VideoEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfZero(config.TemporalWidths.Count);
        Config = config;
        var (mapHeight, mapWidth) = config.FrameBackbone.OutputSize(EncoderContract.ImageSize, EncoderContract.ImageSize);
        if (mapHeight != mapWidth || mapHeight % VideoEncoderConfig.FrameGrid != 0)
        {
            throw new ArgumentException(
                $"The frame CNN's {mapHeight}x{mapWidth} output map does not split into a {VideoEncoderConfig.FrameGrid}x{VideoEncoderConfig.FrameGrid} grid.",
                nameof(config));
        }

        _poolWindow = mapHeight / VideoEncoderConfig.FrameGrid;
        _backbone = new ResidualCnn(config.FrameBackbone);
        var channels = config.FrameFeatureWidth;
        foreach (var width in config.TemporalWidths)
        {
            _temporal.Add(new TemporalConv(channels, width));
            channels = width;
        }

        _head = new ProjectionHead(config.PooledWidth, config.HeadHiddenUnits, EncoderContract.EmbeddingDimension);
        RegisterComponents();
    }

    public VideoEncoderConfig Config { get; }

    IEncoderConfig IEncoder.Config => Config;

    public string ArchitectureName => nameof(VideoEncoder);

    /// <param name="frames">[N, 8, 3, 64, 64] normalised frames in time order.</param>
    /// <returns>[N, 128] unit-norm embeddings.</returns>
    public override Tensor forward(Tensor frames)
    {
        using var scope = NewDisposeScope();
        var batch = frames.shape[0];
        var steps = frames.shape[1];
        var maps = _backbone.call(frames.reshape(batch * steps, frames.shape[2], frames.shape[3], frames.shape[4]));
        var sequence = GridAveragePooling.Apply(maps, _poolWindow).reshape(batch, steps, -1).transpose(1, 2);
        foreach (var layer in _temporal)
        {
            sequence = layer.call(sequence);
        }

        var pooled = sequence.mean([2]);
        return L2Normalization.Apply(_head.call(pooled)).MoveToOuterDisposeScope();
    }

    public void DefineOnnxGraph(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var frames = graph.AddInput(
            EncoderContract.VideoInput,
            TensorProto.Types.DataType.Float,
            EncoderContract.VideoFrames,
            EncoderContract.ImageChannels,
            EncoderContract.ImageSize,
            EncoderContract.ImageSize);
        var frameBatch = graph.Int64s(-1, EncoderContract.ImageChannels, EncoderContract.ImageSize, EncoderContract.ImageSize);
        var maps = _backbone.Export(graph, graph.Node("Reshape", [frames, frameBatch]));
        var perFrame = GridAveragePooling.Export(graph, maps, _poolWindow);

        var clipBatch = graph.Int64s(-1, EncoderContract.VideoFrames, Config.FrameFeatureWidth);
        var sequence = graph.Node("Transpose", [graph.Node("Reshape", [perFrame, clipBatch])], OnnxAttributes.Ints("perm", 0, 2, 1));
        foreach (var layer in _temporal)
        {
            sequence = layer.Export(graph, sequence);
        }

        // Opset 17's ReduceMean takes its axes as an attribute (they became an input in opset 18).
        var pooled = graph.Node("ReduceMean", [sequence], OnnxAttributes.Ints("axes", 2), OnnxAttributes.Value("keepdims", 0));
        var embedding = L2Normalization.Export(graph, _head.Export(graph, pooled));
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
        // Each temporal layer's channels are read by the next temporal layer, the last one's by the head.
        var readers = _temporal.Select(layer => layer.InputColumns()).Skip(1).Append(_head.InputColumns()).ToList();
        return
        [
            .. _backbone.PrunableLayers("backbone", _temporal[0].InputColumns()),
            .. _temporal.Select((layer, i) => layer.OutputChannels($"temporal.{i}").WithDependents([readers[i]])),
            _head.HiddenUnits("head"),
        ];
    }
}

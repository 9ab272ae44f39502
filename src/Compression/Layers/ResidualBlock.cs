using Baize.Compression.Onnx;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// A basic residual block (ResNet-18 style): relu(conv2(conv1(x)) + shortcut(x)), both convolutions 3x3 with batch norm.
/// The inner width (conv1's output channels) is free to prune; the output width is shared with the shortcut and so
/// belongs to the stage.
/// </summary>
public sealed class ResidualBlock : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ComponentName(Name = "conv1")]
    private readonly ConvBatchNorm _conv1;

    [ComponentName(Name = "conv2")]
    private readonly ConvBatchNorm _conv2;

    [ComponentName(Name = "shortcut")]
    private readonly ConvBatchNorm? _shortcut;

    private readonly int _innerChannels;

    public ResidualBlock(int inChannels, int innerChannels, int outChannels, int stride)
        : base(nameof(ResidualBlock))
    {
        _conv1 = new ConvBatchNorm(inChannels, innerChannels, 3, stride, applyRelu: true);
        _conv2 = new ConvBatchNorm(innerChannels, outChannels, 3, 1, applyRelu: false);
        _shortcut = NeedsProjection(inChannels, outChannels, stride)
            ? new ConvBatchNorm(inChannels, outChannels, 1, stride, applyRelu: false)
            : null;
        _innerChannels = innerChannels;
        RegisterComponents();
    }

    /// <summary>The identity shortcut only fits when the block keeps both resolution and width; otherwise a 1x1 projection is used.</summary>
    public static bool NeedsProjection(int inChannels, int outChannels, int stride)
    {
        return stride != 1 || inChannels != outChannels;
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var residual = _shortcut is null ? input : _shortcut.call(input);
        var output = nn.functional.relu(_conv2.call(_conv1.call(input)) + residual);
        return output.MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var branch = _conv2.Export(graph, _conv1.Export(graph, input));
        var residual = _shortcut is null ? input : _shortcut.Export(graph, input);
        return graph.Node("Relu", [graph.Node("Add", [branch, residual])]);
    }

    /// <param name="path">This block's state-dict path.</param>
    internal PrunableLayer InnerChannels(string path)
    {
        return new PrunableLayer(
            $"{path}.conv1",
            PrunableKind.ConvChannels,
            _innerChannels,
            [.. _conv1.OutputProducers()],
            [.. _conv1.OutputStatistics(), _conv2.InputColumns()],
            new ActivationTap(_conv1, 1));
    }

    /// <summary>What reads the block's input channels: the first convolution and, where there is one, the projection shortcut.</summary>
    internal IEnumerable<GroupSlice> InputColumns()
    {
        return _shortcut is null ? [_conv1.InputColumns()] : [_conv1.InputColumns(), _shortcut.InputColumns()];
    }

    /// <summary>The running statistics of the output channels' batch norms (residual branch and projection shortcut).</summary>
    internal IEnumerable<GroupSlice> OutputStatistics()
    {
        return _shortcut is null ? _conv2.OutputStatistics() : _conv2.OutputStatistics().Concat(_shortcut.OutputStatistics());
    }

    /// <summary>The parameters that compute each output channel of the block's residual branch and of its projection shortcut.</summary>
    internal IEnumerable<GroupedParameter> OutputProducers()
    {
        return _shortcut is null ? _conv2.OutputProducers() : _conv2.OutputProducers().Concat(_shortcut.OutputProducers());
    }
}

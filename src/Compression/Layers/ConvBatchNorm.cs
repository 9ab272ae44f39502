using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// A bias-free 2-D convolution with "same" padding, batch normalisation and an optional ReLU: the CNNs' building unit.
/// Its output channels are one prunable group each (filter plus the channel's batch-norm scale and shift).
/// </summary>
public sealed class ConvBatchNorm : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ComponentName(Name = "conv")]
    private readonly Conv2d _conv;

    [ComponentName(Name = "bn")]
    private readonly BatchNorm2d _norm;

    private readonly bool _applyRelu;

    public ConvBatchNorm(int inChannels, int outChannels, int kernelSize, int stride, bool applyRelu)
        : base(nameof(ConvBatchNorm))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        // The batch norm's shift replaces the convolution bias, which it would cancel anyway.
        _conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: kernelSize / 2, bias: false);
        _norm = nn.BatchNorm2d(outChannels);
        _applyRelu = applyRelu;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = _norm.call(_conv.call(input));
        if (_applyRelu)
        {
            output = nn.functional.relu(output);
        }

        return output.MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var output = OnnxModuleExport.BatchNorm(graph, _norm, OnnxModuleExport.Conv(graph, _conv, input));
        return _applyRelu ? graph.Node("Relu", [output]) : output;
    }

    /// <summary>The parameters that compute each output channel, one slice per channel along axis 0.</summary>
    internal IEnumerable<GroupedParameter> OutputProducers()
    {
        return [new(_conv.weight!, 0), new(_norm.weight!, 0), new(_norm.bias!, 0)];
    }

    /// <summary>The batch norm's running mean and variance: one entry per output channel, kept with the channel.</summary>
    internal IEnumerable<GroupSlice> OutputStatistics()
    {
        return [new(_norm.running_mean!, 0), new(_norm.running_var!, 0)];
    }

    /// <summary>The convolution's input columns: one slice per input channel, along axis 1.</summary>
    internal GroupSlice InputColumns()
    {
        return new GroupSlice(_conv.weight!, 1);
    }
}

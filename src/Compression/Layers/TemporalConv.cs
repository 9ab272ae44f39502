using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// Conv1d over time (kernel 3, padding 1) then ReLU, on [N, C, T]. Each output step sees its neighbours in order,
/// so stacked layers can tell a sequence from its reverse (motion direction). Its output channels are prunable.
/// </summary>
public sealed class TemporalConv : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    public const int KernelSize = 3;

    [ComponentName(Name = "conv")]
    private readonly Conv1d _conv;

    private readonly int _outChannels;

    public TemporalConv(int inChannels, int outChannels)
        : base(nameof(TemporalConv))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        _conv = nn.Conv1d(inChannels, outChannels, KernelSize, padding: KernelSize / 2);
        _outChannels = outChannels;
        RegisterComponents();
    }

    /// <summary>Kernel weights and bias.</summary>
    internal static long ParameterCount(int inChannels, int outChannels)
    {
        return ((long)inChannels * outChannels * KernelSize) + outChannels;
    }

    internal static long Macs(int inChannels, int outChannels, int steps)
    {
        return LayerCosts.ConvMacs(inChannels, outChannels, KernelSize, steps);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return nn.functional.relu(_conv.call(input)).MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        return graph.Node("Relu", [OnnxModuleExport.Conv(graph, _conv, input)]);
    }

    /// <param name="path">This layer's state-dict path.</param>
    internal PrunableLayer OutputChannels(string path)
    {
        return new PrunableLayer($"{path}.conv", PrunableKind.ConvChannels, _outChannels, [new(_conv.weight!, 0), new(_conv.bias!, 0)], [], new ActivationTap(this, 1));
    }

    /// <summary>The convolution's input columns: one slice per input channel (several per frame-CNN channel, see <see cref="GroupSlice"/>).</summary>
    internal GroupSlice InputColumns()
    {
        return new GroupSlice(_conv.weight!, 1);
    }
}

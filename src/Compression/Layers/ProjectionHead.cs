using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>Linear, ReLU, Linear: maps pooled features into the shared embedding space. Its hidden units are prunable.</summary>
public sealed class ProjectionHead : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ComponentName(Name = "fc1")]
    private readonly Linear _hidden;

    [ComponentName(Name = "fc2")]
    private readonly Linear _output;

    public ProjectionHead(int inFeatures, int hiddenUnits, int outFeatures)
        : base(nameof(ProjectionHead))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenUnits);
        _hidden = nn.Linear(inFeatures, hiddenUnits);
        _output = nn.Linear(hiddenUnits, outFeatures);
        RegisterComponents();
    }

    /// <summary>Weights and biases of both linear layers.</summary>
    internal static long ParameterCount(int inFeatures, int hiddenUnits, int outFeatures)
    {
        return LayerCosts.LinearParameters(inFeatures, hiddenUnits) + LayerCosts.LinearParameters(hiddenUnits, outFeatures);
    }

    internal static long Macs(int inFeatures, int hiddenUnits, int outFeatures)
    {
        return ((long)inFeatures * hiddenUnits) + ((long)hiddenUnits * outFeatures);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _output.call(nn.functional.relu(_hidden.call(input))).MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var hidden = graph.Node("Relu", [OnnxModuleExport.Linear(graph, _hidden, input)]);
        return OnnxModuleExport.Linear(graph, _output, hidden);
    }

    /// <param name="path">This head's state-dict path.</param>
    internal PrunableLayer HiddenUnits(string path)
    {
        return PrunableLayer.HiddenUnits($"{path}.fc1", _hidden, _output);
    }

    /// <summary>The first layer's input columns: one per input feature.</summary>
    internal GroupSlice InputColumns()
    {
        return new GroupSlice(_hidden.weight!, 1);
    }
}

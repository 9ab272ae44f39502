using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>The Transformer MLP: Linear, exact (erf) GELU, Linear. Its hidden units are prunable.</summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ComponentName(Name = "fc1")]
    private readonly Linear _hidden;

    [ComponentName(Name = "fc2")]
    private readonly Linear _output;

    public FeedForward(int modelDim, int hiddenUnits)
        : base(nameof(FeedForward))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenUnits);
        _hidden = nn.Linear(modelDim, hiddenUnits);
        _output = nn.Linear(hiddenUnits, modelDim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _output.call(nn.functional.gelu(_hidden.call(input))).MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        return OnnxModuleExport.Linear(graph, _output, ExportGelu(graph, OnnxModuleExport.Linear(graph, _hidden, input)));
    }

    /// <param name="path">This MLP's state-dict path.</param>
    internal PrunableLayer HiddenUnits(string path)
    {
        return PrunableLayer.HiddenUnits($"{path}.fc1", _hidden, _output);
    }

    /// <summary>The model-width slices: fc1 reads each channel (input columns), fc2 writes it (output rows and bias).</summary>
    internal (IEnumerable<GroupedParameter> Writers, IEnumerable<GroupSlice> Readers) StreamSlices()
    {
        return ([new(_output.weight!, 0), new(_output.bias!, 0)], [new(_hidden.weight!, 1)]);
    }

    /// <summary>Opset 17 has no Gelu operator: x · ½ · (1 + erf(x / √2)), TorchSharp's exact GELU.</summary>
    private static string ExportGelu(OnnxGraphBuilder graph, string input)
    {
        var scaled = graph.Node("Mul", [input, graph.Scalar((float)(1 / Math.Sqrt(2)))]);
        var shifted = graph.Node("Add", [graph.Node("Erf", [scaled]), graph.Scalar(1f)]);
        return graph.Node("Mul", [graph.Node("Mul", [input, shifted]), graph.Scalar(0.5f)]);
    }
}

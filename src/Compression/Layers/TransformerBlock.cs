using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// A pre-LayerNorm Transformer encoder block: x + attention(norm1(x)), then + mlp(norm2(·)). Pre-LN trains stably
/// without learning-rate warm-up, which matters for short CPU runs.
/// </summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor, Tensor>
{
    [ComponentName(Name = "norm1")]
    private readonly LayerNorm _attentionNorm;

    [ComponentName(Name = "attention")]
    private readonly MultiHeadSelfAttention _attention;

    [ComponentName(Name = "norm2")]
    private readonly LayerNorm _mlpNorm;

    [ComponentName(Name = "mlp")]
    private readonly FeedForward _mlp;

    public TransformerBlock(int modelDim, int heads, int headDim, int mlpHiddenUnits)
        : base(nameof(TransformerBlock))
    {
        _attentionNorm = nn.LayerNorm(modelDim);
        _attention = new MultiHeadSelfAttention(modelDim, heads, headDim);
        _mlpNorm = nn.LayerNorm(modelDim);
        _mlp = new FeedForward(modelDim, mlpHiddenUnits);
        RegisterComponents();
    }

    /// <param name="input">[N, T, D] token vectors.</param>
    /// <param name="additiveMask">[N, 1, 1, T] from <see cref="MultiHeadSelfAttention.AdditiveMask"/>.</param>
    public override Tensor forward(Tensor input, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var attended = input + _attention.call(_attentionNorm.call(input), additiveMask);
        return (attended + _mlp.call(_mlpNorm.call(attended))).MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input, string additiveMask)
    {
        var attention = _attention.Export(graph, OnnxModuleExport.LayerNorm(graph, _attentionNorm, input), additiveMask);
        var attended = graph.Node("Add", [input, attention]);
        var mlp = _mlp.Export(graph, OnnxModuleExport.LayerNorm(graph, _mlpNorm, attended));
        return graph.Node("Add", [attended, mlp]);
    }

    /// <param name="path">This block's state-dict path.</param>
    internal IEnumerable<PrunableLayer> PrunableLayers(string path)
    {
        return [_attention.AttentionHeads($"{path}.attention"), _mlp.HiddenUnits($"{path}.mlp")];
    }

    /// <summary>The block's model-width slices: both LayerNorms' scales and shifts and the writers are producers; the readers depend.</summary>
    internal (IEnumerable<GroupedParameter> Producers, IEnumerable<GroupSlice> Readers) StreamSlices()
    {
        var attention = _attention.StreamSlices();
        var mlp = _mlp.StreamSlices();
        GroupedParameter[] norms = [new(_attentionNorm.weight!, 0), new(_attentionNorm.bias!, 0), new(_mlpNorm.weight!, 0), new(_mlpNorm.bias!, 0)];
        return ([.. norms, .. attention.Writers, .. mlp.Writers], [.. attention.Readers, .. mlp.Readers]);
    }
}

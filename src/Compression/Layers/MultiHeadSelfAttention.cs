using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>
/// Multi-head self-attention written out from Linear layers so that each head is a prunable group: head h owns rows
/// [h·d, (h+1)·d) of the query, key and value projections and the matching input columns of the output projection.
/// Input [N, T, D] plus an additive key mask [N, 1, 1, T] (see <see cref="AdditiveMask"/>); output [N, T, D].
/// </summary>
public sealed class MultiHeadSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>
    /// Added to the scores of padding keys: exp() of it underflows to exactly 0 beside any real score, yet it is
    /// finite, so a row with only padding keys still has a defined softmax (uniform) instead of NaN.
    /// </summary>
    public const float MaskedScore = -1e9f;

    [ComponentName(Name = "query")]
    private readonly Linear _query;

    [ComponentName(Name = "key")]
    private readonly Linear _key;

    [ComponentName(Name = "value")]
    private readonly Linear _value;

    [ComponentName(Name = "output")]
    private readonly Linear _output;

    private readonly int _heads;
    private readonly int _headDim;

    public MultiHeadSelfAttention(int modelDim, int heads, int headDim)
        : base(nameof(MultiHeadSelfAttention))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(headDim);
        var innerDim = heads * headDim;
        _query = nn.Linear(modelDim, innerDim);
        _key = nn.Linear(modelDim, innerDim);
        _value = nn.Linear(modelDim, innerDim);
        _output = nn.Linear(innerDim, modelDim);
        _heads = heads;
        _headDim = headDim;
        RegisterComponents();
    }

    private float ScoreScale => 1f / MathF.Sqrt(_headDim);

    /// <summary>Turns a float [N, T] mask (1 = token, 0 = padding) into the additive [N, 1, 1, T] key mask.</summary>
    public static Tensor AdditiveMask(Tensor mask)
    {
        using var scope = NewDisposeScope();
        return ((1f - mask) * MaskedScore).unsqueeze(1).unsqueeze(2).MoveToOuterDisposeScope();
    }

    /// <summary>ONNX form of <see cref="AdditiveMask"/> for the float mask value <paramref name="mask"/>.</summary>
    public static string ExportAdditiveMask(OnnxGraphBuilder graph, string mask)
    {
        var padding = graph.Node("Sub", [graph.Scalar(1f), mask]);
        var scores = graph.Node("Mul", [padding, graph.Scalar(MaskedScore)]);
        return graph.Node("Unsqueeze", [scores, graph.Int64s(1, 2)]);
    }

    public override Tensor forward(Tensor input, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var batch = input.shape[0];
        var steps = input.shape[1];
        var query = SplitHeads(_query.call(input), batch, steps);
        var key = SplitHeads(_key.call(input), batch, steps);
        var value = SplitHeads(_value.call(input), batch, steps);

        var scores = (query.matmul(key.transpose(2, 3)) * ScoreScale) + additiveMask;
        var context = scores.softmax(-1).matmul(value).transpose(1, 2).reshape(batch, steps, _heads * _headDim);
        return _output.call(context).MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input, string additiveMask)
    {
        // Reshape's 0 copies the input's dimension, so batch and sequence length stay symbolic.
        var headShape = graph.Int64s(0, 0, _heads, _headDim);
        string Heads(Linear projection, long[] permutation)
        {
            var split = graph.Node("Reshape", [OnnxModuleExport.Linear(graph, projection, input), headShape]);
            return graph.Node("Transpose", [split], OnnxAttributes.Ints("perm", permutation));
        }

        var query = Heads(_query, [0, 2, 1, 3]);
        var keyTransposed = Heads(_key, [0, 2, 3, 1]);
        var value = Heads(_value, [0, 2, 1, 3]);

        var scores = graph.Node("Mul", [graph.Node("MatMul", [query, keyTransposed]), graph.Scalar(ScoreScale)]);
        var weights = graph.Node("Softmax", [graph.Node("Add", [scores, additiveMask])], OnnxAttributes.Value("axis", -1));
        var context = graph.Node("Transpose", [graph.Node("MatMul", [weights, value])], OnnxAttributes.Ints("perm", 0, 2, 1, 3));
        var merged = graph.Node("Reshape", [context, graph.Int64s(0, 0, _heads * _headDim)]);
        return OnnxModuleExport.Linear(graph, _output, merged);
    }

    /// <param name="path">This module's state-dict path.</param>
    internal PrunableLayer AttentionHeads(string path)
    {
        GroupedParameter[] producers =
        [
            new(_query.weight!, 0), new(_query.bias!, 0),
            new(_key.weight!, 0), new(_key.bias!, 0),
            new(_value.weight!, 0), new(_value.bias!, 0),
        ];
        return new PrunableLayer(path, PrunableKind.AttentionHeads, _heads, producers, [new(_output.weight!, 1)], new ActivationTap(_value, -1));
    }

    /// <summary>The model-width slices: the query, key and value projections read each channel, the output projection writes it.</summary>
    internal (IEnumerable<GroupedParameter> Writers, IEnumerable<GroupSlice> Readers) StreamSlices()
    {
        return ([new(_output.weight!, 0), new(_output.bias!, 0)], [new(_query.weight!, 1), new(_key.weight!, 1), new(_value.weight!, 1)]);
    }

    /// <summary>[N, T, H·d] to [N, H, T, d].</summary>
    private Tensor SplitHeads(Tensor projected, long batch, long steps)
    {
        return projected.view(batch, steps, _heads, _headDim).transpose(1, 2);
    }
}

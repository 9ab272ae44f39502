using System.Runtime.InteropServices;

namespace Baize.Embedding.Tests.Support;

/// <summary>
/// Builds an ONNX ModelProto (opset 13) from nodes, initializers and typed inputs/outputs, using the field numbers
/// of onnx.proto. Only what <see cref="TestOnnxModels"/> needs.
/// </summary>
internal sealed class OnnxGraphBuilder
{
    public const int FloatType = 1;
    public const int Int64Type = 7;

    // onnx.proto AttributeProto.AttributeType
    private const int AttributeInt = 2;
    private const int AttributeInts = 7;

    private readonly List<ProtoWriter> _nodes = [];
    private readonly List<ProtoWriter> _initializers = [];
    private readonly List<ProtoWriter> _inputs = [];
    private readonly List<ProtoWriter> _outputs = [];

    /// <summary>A graph input or output; a null dimension is the symbolic batch dimension "N".</summary>
    public OnnxGraphBuilder Input(string name, int elementType, params long?[] shape)
    {
        _inputs.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    public OnnxGraphBuilder Output(string name, int elementType, params long?[] shape)
    {
        _outputs.Add(ValueInfo(name, elementType, shape));
        return this;
    }

    public OnnxGraphBuilder FloatInitializer(string name, float[] values, params long[] dims) =>
        Initializer(name, FloatType, MemoryMarshal.AsBytes(values.AsSpan()), dims);

    public OnnxGraphBuilder Int64Initializer(string name, long[] values, params long[] dims) =>
        Initializer(name, Int64Type, MemoryMarshal.AsBytes(values.AsSpan()), dims);

    public OnnxGraphBuilder Node(string opType, string[] inputs, string[] outputs, Dictionary<string, long[]>? intsAttributes = null, Dictionary<string, long>? intAttributes = null)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.String(1, input);
        }

        foreach (var output in outputs)
        {
            node.String(2, output);
        }

        node.String(3, $"{opType}_{_nodes.Count}").String(4, opType);
        foreach (var (name, values) in intsAttributes ?? [])
        {
            var attribute = new ProtoWriter().String(1, name).Int(20, AttributeInts);
            foreach (var value in values)
            {
                attribute.Int(8, value);
            }

            node.Message(5, attribute);
        }

        foreach (var (name, value) in intAttributes ?? [])
        {
            node.Message(5, new ProtoWriter().String(1, name).Int(20, AttributeInt).Int(3, value));
        }

        _nodes.Add(node);
        return this;
    }

    public byte[] Build()
    {
        var graph = new ProtoWriter();
        _nodes.ForEach(n => graph.Message(1, n));
        graph.String(2, "baize_test_graph");
        _initializers.ForEach(i => graph.Message(5, i));
        _inputs.ForEach(i => graph.Message(11, i));
        _outputs.ForEach(o => graph.Message(12, o));
        return new ProtoWriter()
            .Int(1, 7) // ir_version 7 goes with opset 13
            .String(2, "baize-tests")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, string.Empty).Int(2, 13))
            .ToArray();
    }

    private OnnxGraphBuilder Initializer(string name, int elementType, ReadOnlySpan<byte> rawData, long[] dims)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Int(1, dim);
        }

        _initializers.Add(tensor.Int(2, elementType).String(8, name).Bytes(9, rawData));
        return this;
    }

    private static ProtoWriter ValueInfo(string name, int elementType, long?[] shape)
    {
        var dims = new ProtoWriter();
        foreach (var dim in shape)
        {
            dims.Message(1, dim is { } value ? new ProtoWriter().Int(1, value) : new ProtoWriter().String(2, "N"));
        }

        var tensorType = new ProtoWriter().Int(1, elementType).Message(2, dims);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}

using System.Globalization;
using System.Runtime.InteropServices;
using Baize.Compression.Onnx.Proto;
using Google.Protobuf;
using static TorchSharp.torch;

namespace Baize.Compression.Onnx;

/// <summary>
/// Collects one ONNX graph: inputs and outputs whose first dimension is the symbolic batch size, nodes in
/// topological order (each with one output value named like the node), and initializers.
/// </summary>
/// <remarks>
/// Weights become initializers named by their key in the exported module's state dict (the keys of
/// <c>weights.dat</c>), so every tensor in an ONNX file can be traced back to the trained weights.
/// </remarks>
public sealed class OnnxGraphBuilder
{
    /// <summary>The name of the dynamic first dimension of every graph input and output.</summary>
    public const string BatchDimension = "batch";

    private readonly GraphProto _graph;
    private readonly Dictionary<(IntPtr Data, long Offset), string> _stateNames = [];
    private readonly HashSet<string> _initializerNames = [];
    private readonly Dictionary<string, string> _constantsByValue = [];
    private readonly Dictionary<string, int> _nodeCountsByOp = [];

    internal OnnxGraphBuilder(nn.Module model, string graphName)
    {
        _graph = new GraphProto { Name = graphName };
        foreach (var (name, parameter) in model.named_parameters())
        {
            _stateNames[MemoryKey(parameter)] = name;
        }

        // Only float buffers are weights; the int64 batch counters of batch norms have no place in an inference graph.
        foreach (var (name, buffer) in model.named_buffers().Where(entry => entry.Item2.dtype == ScalarType.Float32))
        {
            _stateNames[MemoryKey(buffer)] = name;
        }
    }

    internal GraphProto Graph => _graph;

    /// <summary>Declares a graph input of shape [batch, ..<paramref name="itemShape"/>].</summary>
    /// <returns>The input's name, to feed to nodes.</returns>
    public string AddInput(string name, TensorProto.Types.DataType elementType, params long[] itemShape)
    {
        _graph.Input.Add(BatchedValueInfo(name, elementType, itemShape));
        return name;
    }

    /// <summary>Publishes the float value <paramref name="value"/> as the graph output <paramref name="name"/> of shape [batch, ..<paramref name="itemShape"/>].</summary>
    public void AddOutput(string name, string value, params long[] itemShape)
    {
        // Node outputs get generated names; an Identity gives the contract's output name without special-casing the last layer.
        var identity = new NodeProto { OpType = "Identity", Name = name };
        identity.Input.Add(value);
        identity.Output.Add(name);
        _graph.Node.Add(identity);
        _graph.Output.Add(BatchedValueInfo(name, TensorProto.Types.DataType.Float, itemShape));
    }

    /// <summary>Adds a parameter or buffer of the exported module as a float initializer (once) and returns its name.</summary>
    public string Weight(Tensor? stateTensor)
    {
        ArgumentNullException.ThrowIfNull(stateTensor);
        if (stateTensor.dtype != ScalarType.Float32 || !_stateNames.TryGetValue(MemoryKey(stateTensor), out var name))
        {
            throw new ArgumentException("The tensor is not a float parameter or buffer of the exported module.", nameof(stateTensor));
        }

        if (_initializerNames.Add(name))
        {
            _graph.Initializer.Add(FloatInitializer(name, stateTensor));
        }

        return name;
    }

    /// <summary>A float scalar initializer (shape []), shared by every node that uses the same value.</summary>
    public string Scalar(float value)
    {
        return Constant("f" + value.ToString("R", CultureInfo.InvariantCulture), name =>
        {
            var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes<float>([value]));
            return tensor;
        });
    }

    /// <summary>A 1-D int64 initializer, as shape, axes and similar operator inputs expect.</summary>
    public string Int64s(params long[] values)
    {
        return Constant("i" + string.Join(',', values), name =>
        {
            var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
            tensor.Dims.Add(values.Length);
            tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes<long>(values));
            return tensor;
        });
    }

    /// <summary>Appends a default-domain node with one output.</summary>
    /// <returns>The name of the node's output value.</returns>
    public string Node(string opType, IReadOnlyList<string> inputs, params IEnumerable<AttributeProto> attributes)
    {
        var count = _nodeCountsByOp.GetValueOrDefault(opType);
        _nodeCountsByOp[opType] = count + 1;
        var name = $"{opType}_{count}";

        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(name);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return name;
    }

    private string Constant(string valueKey, Func<string, TensorProto> create)
    {
        if (!_constantsByValue.TryGetValue(valueKey, out var name))
        {
            name = $"constant_{_constantsByValue.Count}";
            _constantsByValue[valueKey] = name;
            _graph.Initializer.Add(create(name));
        }

        return name;
    }

    /// <summary>
    /// Identifies a state tensor by the memory it occupies: natively backed TorchSharp modules (Embedding, for one)
    /// hand out a new wrapper object for the same parameter on every property access.
    /// </summary>
    private static (IntPtr Data, long Offset) MemoryKey(Tensor tensor)
    {
        return (tensor.storage<float>().data_ptr(), tensor.storage_offset());
    }

    private static TensorProto FloatInitializer(string name, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(tensor.shape);
        // raw_data is little-endian by definition, which is the memory layout on every platform .NET and libtorch run on here.
        proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes<float>(values));
        return proto;
    }

    private static ValueInfoProto BatchedValueInfo(string name, TensorProto.Types.DataType elementType, long[] itemShape)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        foreach (var size in itemShape)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        }

        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensorType } };
    }
}

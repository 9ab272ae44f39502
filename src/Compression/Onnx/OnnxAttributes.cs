using Baize.Compression.Onnx.Proto;

namespace Baize.Compression.Onnx;

/// <summary>Creates node attributes with their type discriminator set, as IR version 2 and later require.</summary>
public static class OnnxAttributes
{
    /// <summary>An INT attribute (an integer literal argument binds here, not to the float overload).</summary>
    public static AttributeProto Value(string name, long value)
    {
        return new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };
    }

    /// <summary>A FLOAT attribute.</summary>
    public static AttributeProto Value(string name, float value)
    {
        return new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
    }

    /// <summary>An INTS attribute.</summary>
    public static AttributeProto Ints(string name, params IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }
}

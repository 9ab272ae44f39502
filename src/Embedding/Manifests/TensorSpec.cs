namespace Baize.Embedding.Manifests;

/// <summary>A named model input: element type and shape, with -1 for the dynamic batch dimension.</summary>
public sealed record TensorSpec(string Name, TensorElementKind ElementType, IReadOnlyList<long> Shape)
{
    /// <summary>The shape as written in messages, for example "[-1, 3, 64, 64]".</summary>
    public string DescribeShape() => $"[{string.Join(", ", Shape)}]";

    public bool Matches(TensorSpec other) =>
        other is not null && Name == other.Name && ElementType == other.ElementType && Shape.SequenceEqual(other.Shape);
}

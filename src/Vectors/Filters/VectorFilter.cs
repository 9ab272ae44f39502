namespace Baize.Vectors.Filters;

/// <summary>
/// A payload filter with Qdrant's semantics: every <see cref="Must"/> condition holds, at least one <see cref="Should"/>
/// condition holds when there are any, and no <see cref="MustNot"/> condition holds. A condition on a field the payload
/// lacks does not hold; on a list-valued field it holds when it holds for any element.
/// </summary>
public sealed record VectorFilter
{
    public IReadOnlyList<FilterCondition> Must { get; init; } = [];

    public IReadOnlyList<FilterCondition> Should { get; init; } = [];

    public IReadOnlyList<FilterCondition> MustNot { get; init; } = [];

    public static VectorFilter All(params FilterCondition[] conditions) => new() { Must = conditions };
}

namespace Baize.Vectors.Filters;

/// <summary>One condition of a <see cref="VectorFilter"/>.</summary>
public abstract record FilterCondition;

/// <summary>The field equals <see cref="Value"/> (a string, long or bool).</summary>
public sealed record MatchCondition(string Key, object Value) : FilterCondition;

/// <summary>The field equals one of <see cref="Values"/> (strings or longs).</summary>
public sealed record MatchAnyCondition(string Key, IReadOnlyList<object> Values) : FilterCondition;

/// <summary>The numeric field lies within every bound given.</summary>
public sealed record RangeCondition(
    string Key,
    double? GreaterThan = null,
    double? GreaterThanOrEqual = null,
    double? LessThan = null,
    double? LessThanOrEqual = null) : FilterCondition;

/// <summary>The record's id is one of <see cref="Ids"/>.</summary>
public sealed record HasIdCondition(IReadOnlyList<Guid> Ids) : FilterCondition;

/// <summary>A nested filter, for "(a or b) and c".</summary>
public sealed record NestedFilterCondition(VectorFilter Filter) : FilterCondition;

using Baize.Vectors.Filters;

namespace Baize.Vectors.Embedded;

/// <summary>
/// A <see cref="VectorFilter"/> compiled once per request into a predicate over a point's id and typed payload, with
/// Qdrant's semantics (see <see cref="VectorFilter"/>): all Must, at least one Should when there are any, no MustNot;
/// a condition on a missing field does not hold; on a list-valued field it holds when it holds for any element.
/// </summary>
internal sealed class FilterEvaluator
{
    private readonly Func<Guid, IReadOnlyDictionary<string, object>, bool> _predicate;

    private FilterEvaluator(Func<Guid, IReadOnlyDictionary<string, object>, bool> predicate, IReadOnlySet<Guid>? candidateIds)
    {
        _predicate = predicate;
        CandidateIds = candidateIds;
    }

    /// <summary>When a top-level Must condition is a has-id list, only these ids can match, so scans can visit just
    /// their rows instead of every row. Null when any id may match.</summary>
    public IReadOnlySet<Guid>? CandidateIds { get; }

    /// <summary>The evaluator for <paramref name="filter"/>, or null when it matches every point.</summary>
    /// <exception cref="VectorStoreException">A condition is malformed (InvalidRequest).</exception>
    public static FilterEvaluator? Create(VectorFilter? filter)
    {
        if (filter is null || (filter.Must.Count == 0 && filter.Should.Count == 0 && filter.MustNot.Count == 0))
        {
            return null;
        }

        HashSet<Guid>? candidates = null;
        foreach (var condition in filter.Must.OfType<HasIdCondition>())
        {
            var ids = condition.Ids ?? throw StoreValidation.Invalid("A has-id condition needs a list of ids.");
            if (candidates is null)
            {
                candidates = [.. ids];
            }
            else
            {
                candidates.IntersectWith(ids);
            }
        }

        return new FilterEvaluator(Compile(filter), candidates);
    }

    public bool Matches(Guid id, IReadOnlyDictionary<string, object> payload) => _predicate(id, payload);

    private static Func<Guid, IReadOnlyDictionary<string, object>, bool> Compile(VectorFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var must = filter.Must.Select(CompileCondition).ToArray();
        var should = filter.Should.Select(CompileCondition).ToArray();
        var mustNot = filter.MustNot.Select(CompileCondition).ToArray();
        return (id, payload) =>
        {
            foreach (var condition in must)
            {
                if (!condition(id, payload))
                {
                    return false;
                }
            }

            foreach (var condition in mustNot)
            {
                if (condition(id, payload))
                {
                    return false;
                }
            }

            if (should.Length == 0)
            {
                return true;
            }

            foreach (var condition in should)
            {
                if (condition(id, payload))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private static Func<Guid, IReadOnlyDictionary<string, object>, bool> CompileCondition(FilterCondition condition) => condition switch
    {
        MatchCondition match => Field(match.Key, MatchValue(match.Key, match.Value).Equals),
        MatchAnyCondition any => MatchAny(any),
        RangeCondition range => Field(range.Key, value => InRange(range, value)),
        HasIdCondition hasId => HasId(hasId),
        NestedFilterCondition nested => Compile(nested.Filter ?? throw StoreValidation.Invalid("A nested condition needs a filter.")),
        null => throw StoreValidation.Invalid("A filter condition must not be null."),
        _ => throw StoreValidation.Invalid($"The embedded store does not support {condition.GetType().Name}."),
    };

    private static Func<Guid, IReadOnlyDictionary<string, object>, bool> MatchAny(MatchAnyCondition any)
    {
        var values = (any.Values ?? throw StoreValidation.Invalid($"The match-any condition on '{any.Key}' needs a list of values."))
            .Select(value => MatchValue(any.Key, value))
            .ToHashSet();
        return Field(any.Key, values.Contains);
    }

    private static Func<Guid, IReadOnlyDictionary<string, object>, bool> HasId(HasIdCondition hasId)
    {
        var ids = (hasId.Ids ?? throw StoreValidation.Invalid("A has-id condition needs a list of ids.")).ToHashSet();
        return (id, _) => ids.Contains(id);
    }

    /// <summary>Applies <paramref name="test"/> to the field's value, or to each element of a list value.</summary>
    private static Func<Guid, IReadOnlyDictionary<string, object>, bool> Field(string key, Func<object, bool> test)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw StoreValidation.Invalid("A filter condition needs a field name.");
        }

        return (_, payload) =>
        {
            if (!payload.TryGetValue(key, out var value))
            {
                return false;
            }

            if (value is IReadOnlyList<object> list)
            {
                foreach (var element in list)
                {
                    if (test(element))
                    {
                        return true;
                    }
                }

                return false;
            }

            return test(value);
        };
    }

    /// <summary>Brings a match value to the payload's canonical types, so a boxed long equals a boxed long.</summary>
    private static object MatchValue(string key, object? value) => value switch
    {
        string or long or bool => value,
        int number => (long)number,
        short number => (long)number,
        byte number => (long)number,
        sbyte number => (long)number,
        uint number => (long)number,
        ushort number => (long)number,
        _ => throw StoreValidation.Invalid(
            $"The match condition on '{key}' has {(value is null ? "null" : "a " + value.GetType().Name)}; match values are strings, integers or booleans (use a range for numbers)."),
    };

    private static bool InRange(RangeCondition range, object value)
    {
        double number;
        switch (value)
        {
            case long integer:
                number = integer;
                break;
            case double real:
                number = real;
                break;
            default:
                return false;
        }

        return (range.GreaterThan is not { } gt || number > gt)
            && (range.GreaterThanOrEqual is not { } gte || number >= gte)
            && (range.LessThan is not { } lt || number < lt)
            && (range.LessThanOrEqual is not { } lte || number <= lte);
    }
}

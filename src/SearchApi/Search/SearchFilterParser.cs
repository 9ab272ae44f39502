using System.Text.Json;
using Baize.Vectors.Filters;

namespace Baize.SearchApi.Search;

/// <summary>
/// Reads the search request's metadata filter. Each property names a metadata field and its condition: a value
/// (<c>"color": "red"</c>), a list meaning any of them (<c>"tags": ["boot", "sneaker"]</c>), or an object with
/// <c>any</c>, <c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c> or <c>not</c>. All conditions must hold; <c>"$or": [filter, …]</c>
/// needs one of several filters and <c>"$not": filter</c> excludes one. Fields no item has ever used are refused,
/// which catches typos instead of silently matching nothing.
/// </summary>
public static class SearchFilterParser
{
    private const int MaxConditions = 64;

    /// <exception cref="SearchRequestException">The filter is malformed or names an unknown field.</exception>
    public static VectorFilter Parse(JsonElement filter, IReadOnlySet<string> knownFields)
    {
        ArgumentNullException.ThrowIfNull(knownFields);
        var count = 0;
        return ParseObject(filter, knownFields, ref count, "filter");
    }

    private static VectorFilter ParseObject(JsonElement filter, IReadOnlySet<string> knownFields, ref int count, string path)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            throw new SearchRequestException(path, "must be a JSON object of field conditions.");
        }

        var must = new List<FilterCondition>();
        var should = new List<FilterCondition>();
        var mustNot = new List<FilterCondition>();
        foreach (var property in filter.EnumerateObject())
        {
            if (++count > MaxConditions)
            {
                throw new SearchRequestException(path, $"has more than {MaxConditions} conditions.");
            }

            var childPath = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "$or":
                    if (property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0)
                    {
                        throw new SearchRequestException(childPath, "must be a non-empty list of filters.");
                    }

                    var alternatives = new List<FilterCondition>();
                    foreach (var alternative in property.Value.EnumerateArray())
                    {
                        alternatives.Add(new NestedFilterCondition(ParseObject(alternative, knownFields, ref count, childPath)));
                    }

                    must.Add(new NestedFilterCondition(new VectorFilter { Should = alternatives }));
                    break;
                case "$not":
                    mustNot.Add(new NestedFilterCondition(ParseObject(property.Value, knownFields, ref count, childPath)));
                    break;
                default:
                    if (!knownFields.Contains(property.Name))
                    {
                        throw new SearchRequestException(childPath, $"'{property.Name}' is not a metadata field of any item.");
                    }

                    ParseField(property.Name, property.Value, childPath, must, mustNot);
                    break;
            }
        }

        return new VectorFilter { Must = must, Should = should, MustNot = mustNot };
    }

    private static void ParseField(string field, JsonElement condition, string path, List<FilterCondition> must, List<FilterCondition> mustNot)
    {
        switch (condition.ValueKind)
        {
            case JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                must.Add(new MatchCondition(field, MatchValue(condition, path)));
                break;
            case JsonValueKind.Array:
                must.Add(new MatchAnyCondition(field, MatchValues(condition, path)));
                break;
            case JsonValueKind.Object:
                ParseOperators(field, condition, path, must, mustNot);
                break;
            default:
                throw new SearchRequestException(path, "must be a value, a list of values, or an object of operators.");
        }
    }

    private static void ParseOperators(string field, JsonElement operators, string path, List<FilterCondition> must, List<FilterCondition> mustNot)
    {
        double? gt = null, gte = null, lt = null, lte = null;
        foreach (var op in operators.EnumerateObject())
        {
            var opPath = $"{path}.{op.Name}";
            switch (op.Name)
            {
                case "any":
                    must.Add(new MatchAnyCondition(field, MatchValues(op.Value, opPath)));
                    break;
                case "not":
                    mustNot.Add(op.Value.ValueKind == JsonValueKind.Array
                        ? new MatchAnyCondition(field, MatchValues(op.Value, opPath))
                        : new MatchCondition(field, MatchValue(op.Value, opPath)));
                    break;
                case "gt":
                    gt = Number(op.Value, opPath);
                    break;
                case "gte":
                    gte = Number(op.Value, opPath);
                    break;
                case "lt":
                    lt = Number(op.Value, opPath);
                    break;
                case "lte":
                    lte = Number(op.Value, opPath);
                    break;
                default:
                    throw new SearchRequestException(opPath, $"'{op.Name}' is not an operator; use any, not, gt, gte, lt or lte.");
            }
        }

        if (gt is not null || gte is not null || lt is not null || lte is not null)
        {
            must.Add(new RangeCondition(field, gt, gte, lt, lte));
        }
    }

    private static object MatchValue(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => throw new SearchRequestException(path, "can only match whole numbers exactly; use gt/gte/lt/lte for fractions."),
        _ => throw new SearchRequestException(path, "must be a string, a whole number or a boolean."),
    };

    private static List<object> MatchValues(JsonElement values, string path)
    {
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            throw new SearchRequestException(path, "must be a non-empty list of values.");
        }

        return values.EnumerateArray().Select(value => MatchValue(value, path)).ToList();
    }

    private static double Number(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new SearchRequestException(path, "must be a number.");
}

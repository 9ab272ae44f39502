using System.Text;
using System.Text.Json;
using Baize.Vectors.Filters;

namespace Baize.Vectors.Qdrant;

/// <summary>
/// Writes a <see cref="VectorFilter"/> as a Qdrant filter: <c>{"must":[...],"should":[...],"must_not":[...]}</c>, each
/// condition a <c>match</c> (value or any), a <c>range</c>, a <c>has_id</c> or an inline nested filter. The semantics
/// are Qdrant's own, so the translation is one to one.
/// </summary>
internal static class QdrantFilterTranslator
{
    /// <summary>True when the filter has no condition at all (and so matches every point).</summary>
    public static bool IsEmpty(VectorFilter? filter) =>
        filter is null || ((filter.Must?.Count ?? 0) == 0 && (filter.Should?.Count ?? 0) == 0 && (filter.MustNot?.Count ?? 0) == 0);

    /// <summary>The filter as a JSON string (for tests and messages).</summary>
    public static string Translate(VectorFilter filter)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, filter);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the filter object. Empty clauses are left out: Qdrant reads <c>"should": []</c> as "matches nothing".</summary>
    /// <exception cref="VectorStoreException">A condition cannot be expressed in Qdrant.</exception>
    public static void Write(Utf8JsonWriter writer, VectorFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        writer.WriteStartObject();
        WriteClause(writer, "must", filter.Must);
        WriteClause(writer, "should", filter.Should);
        WriteClause(writer, "must_not", filter.MustNot);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A payload field name as a Qdrant JSON path. Qdrant reads dots and brackets in a key as a path into nested
    /// objects; Baize payloads are flat, so any key other than letters, digits, '_' and '-' is quoted to name the
    /// top-level field it spells.
    /// </summary>
    public static string FieldPath(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw Invalid("A payload field name (in a filter or an index) must not be empty.");
        }

        if (key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return key;
        }

        if (key.Contains('"', StringComparison.Ordinal) || key.Contains('\\', StringComparison.Ordinal))
        {
            throw Invalid(
                $"Payload field '{key}' cannot be filtered or indexed in Qdrant: its paths cannot quote a name holding '\"' or '\\'.");
        }

        return $"\"{key}\"";
    }

    private static void WriteClause(Utf8JsonWriter writer, string name, IReadOnlyList<FilterCondition>? conditions)
    {
        if (conditions is null || conditions.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            WriteCondition(writer, condition);
        }

        writer.WriteEndArray();
    }

    private static void WriteCondition(Utf8JsonWriter writer, FilterCondition condition)
    {
        switch (condition)
        {
            case MatchCondition match:
                WriteMatchValue(writer, match.Key, match.Value);
                break;
            case MatchAnyCondition any:
                WriteMatchAny(writer, any);
                break;
            case RangeCondition range:
                WriteRange(writer, range);
                break;
            case HasIdCondition hasId:
                writer.WriteStartObject();
                writer.WriteStartArray("has_id");
                foreach (var id in hasId.Ids ?? throw Invalid("A has-id condition needs a list of ids."))
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case NestedFilterCondition nested:
                // A Qdrant condition may itself be a filter; Qdrant's own "nested" condition is something else
                // (conditions on the elements of an array of objects).
                Write(writer, nested.Filter ?? throw Invalid("A nested condition needs a filter."));
                break;
            case null:
                throw Invalid("A filter holds a null condition.");
            default:
                throw Invalid($"The Qdrant store does not support filter conditions of type {condition.GetType().Name}.");
        }
    }

    private static void WriteMatchValue(Utf8JsonWriter writer, string key, object value)
    {
        writer.WriteStartObject();
        writer.WriteString("key", FieldPath(key));
        writer.WriteStartObject("match");
        writer.WritePropertyName("value");
        WriteMatchable(writer, key, value, allowBool: true);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteMatchAny(Utf8JsonWriter writer, MatchAnyCondition any)
    {
        var values = (any.Values ?? throw Invalid($"The match-any condition on '{any.Key}' needs a list of values."))
            .Select(value => Canonical(any.Key, value))
            .ToArray();

        // Qdrant's "any" takes a list of strings or a list of integers. Anything else (booleans, a mix of types) is
        // the same condition written as "at least one of these matches".
        if (values.All(value => value is string) || values.All(value => value is long))
        {
            writer.WriteStartObject();
            writer.WriteString("key", FieldPath(any.Key));
            writer.WriteStartObject("match");
            writer.WriteStartArray("any");
            foreach (var value in values)
            {
                WriteMatchable(writer, any.Key, value, allowBool: false);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartArray("should");
        foreach (var value in values)
        {
            WriteMatchValue(writer, any.Key, value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, RangeCondition range)
    {
        writer.WriteStartObject();
        writer.WriteString("key", FieldPath(range.Key));
        writer.WriteStartObject("range");
        WriteBound(writer, "gt", range.GreaterThan);
        WriteBound(writer, "gte", range.GreaterThanOrEqual);
        WriteBound(writer, "lt", range.LessThan);
        WriteBound(writer, "lte", range.LessThanOrEqual);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteBound(Utf8JsonWriter writer, string name, double? bound)
    {
        if (bound is not { } value)
        {
            return;
        }

        if (!double.IsFinite(value))
        {
            throw Invalid($"A range bound must be a finite number; '{name}' is {value}.");
        }

        writer.WriteNumber(name, value);
    }

    private static void WriteMatchable(Utf8JsonWriter writer, string key, object value, bool allowBool)
    {
        switch (Canonical(key, value))
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case bool flag when allowBool:
                writer.WriteBooleanValue(flag);
                break;
            default:
                throw Unmatchable(key, value);
        }
    }

    /// <summary>Match values as Qdrant takes them: strings, 64-bit integers and booleans.</summary>
    private static object Canonical(string key, object? value) => value switch
    {
        string or long or bool => value,
        int number => (long)number,
        short number => (long)number,
        byte number => (long)number,
        uint number => (long)number,
        JsonElement { ValueKind: JsonValueKind.String } json => json.GetString()!,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetInt64(out var integer) => integer,
        _ => throw Unmatchable(key, value),
    };

    private static VectorStoreException Invalid(string message) => new(VectorStoreErrorKind.InvalidRequest, message);

    private static VectorStoreException Unmatchable(string key, object? value) => new(
        VectorStoreErrorKind.InvalidRequest,
        $"A match on payload field '{key}' needs a string, an integer or a boolean, not {(value is null ? "null" : value.GetType().Name + " " + value)}; use a range condition for other numbers.");
}

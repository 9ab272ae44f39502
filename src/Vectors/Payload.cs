using System.Globalization;
using System.Text.Json;

namespace Baize.Vectors;

/// <summary>
/// The values a payload may hold: string, long, double, bool, or a list of those (<see cref="IReadOnlyList{T}"/> of
/// object). No nulls and no nested objects, so every backend stores and filters them the same way.
/// </summary>
public static class Payload
{
    public static IReadOnlyDictionary<string, object> Empty { get; } = new System.Collections.ObjectModel.ReadOnlyDictionary<string, object>(new Dictionary<string, object>());

    /// <summary>Checks a payload and brings its values to the canonical types (int to long, float to double,
    /// arrays and JSON values to the list and scalar types above).</summary>
    /// <exception cref="VectorStoreException">A key is empty or a value has an unsupported type.</exception>
    public static IReadOnlyDictionary<string, object> Normalize(IReadOnlyDictionary<string, object> payload)
    {
        var normalized = new Dictionary<string, object>(payload.Count, StringComparer.Ordinal);
        foreach (var (key, value) in payload)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, "Payload field names must not be empty.");
            }

            normalized[key] = NormalizeValue(key, value, allowList: true);
        }

        return normalized;
    }

    /// <summary>Reads a JSON object into a normalized payload.</summary>
    public static IReadOnlyDictionary<string, object> FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, "A payload must be a JSON object.");
        }

        var payload = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            payload[property.Name] = property.Value;
        }

        return Normalize(payload);
    }

    /// <summary>Writes a payload as a JSON object.</summary>
    public static void WriteJson(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> payload)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in payload)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Structural equality of two payload values (lists compare element by element).</summary>
    public static bool ValuesEqual(object left, object right)
    {
        if (left is IReadOnlyList<object> leftList && right is IReadOnlyList<object> rightList)
        {
            return leftList.Count == rightList.Count && leftList.Zip(rightList).All(pair => ValuesEqual(pair.First, pair.Second));
        }

        return left.Equals(right);
    }

    private static object NormalizeValue(string key, object? value, bool allowList) => value switch
    {
        double number when !double.IsFinite(number) => throw Unsupported(key, value),
        float number when !float.IsFinite(number) => throw Unsupported(key, value),
        string or long or double or bool => value,
        int number => (long)number,
        short number => (long)number,
        float number => (double)number,
        decimal number => (double)number,
        JsonElement json => NormalizeJson(key, json, allowList),
        System.Collections.IEnumerable list when allowList => list.Cast<object?>().Select(item => NormalizeValue(key, item, allowList: false)).ToArray(),
        _ => throw Unsupported(key, value),
    };

    private static object NormalizeJson(string key, JsonElement json, bool allowList) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when json.TryGetInt64(out var integer) => integer,
        JsonValueKind.Number => json.GetDouble(),
        JsonValueKind.Array when allowList => json.EnumerateArray().Select(item => NormalizeJson(key, item, allowList: false)).ToArray(),
        _ => throw Unsupported(key, json.ValueKind),
    };

    private static VectorStoreException Unsupported(string key, object? value) => new(
        VectorStoreErrorKind.InvalidRequest,
        string.Create(CultureInfo.InvariantCulture, $"Payload field '{key}' holds {Describe(value)}; only strings, integers, numbers, booleans and lists of those are supported."));

    private static string Describe(object? value) => value switch
    {
        null => "null",
        double or float => "a number that is not finite",
        JsonValueKind kind => kind == JsonValueKind.Array ? "a nested list" : $"a JSON {kind.ToString().ToLowerInvariant()}",
        _ => $"a {value.GetType().Name}",
    };

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case double number when Math.Floor(number) == number && Math.Abs(number) < 1e15:
                // Utf8JsonWriter writes 2.0 as "2", which would read back as an integer; keep whole doubles doubles.
                writer.WriteRawValue(number.ToString("F1", CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case IReadOnlyList<object> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, $"Unsupported payload value of type {value.GetType().Name}.");
        }
    }
}

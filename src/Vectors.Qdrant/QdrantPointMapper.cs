using System.Buffers;
using System.Text.Json;

namespace Baize.Vectors.Qdrant;

/// <summary>
/// Points between Baize and Qdrant's JSON: a <see cref="VectorRecord"/> becomes
/// <c>{"id":"&lt;uuid&gt;","vector":[...],"payload":{...}}</c>, and Qdrant's Record and ScoredPoint objects become records
/// and search results again. Payload values go through <see cref="Payload"/> both ways.
/// </summary>
internal static class QdrantPointMapper
{
    /// <summary>One point of an upsert request, serialized on its own so that batches can be cut by size.</summary>
    /// <exception cref="VectorStoreException">The payload holds a value Baize payloads cannot hold.</exception>
    public static byte[] SerializePoint(VectorRecord record)
    {
        var payload = Payload.Normalize(record.Payload ?? Payload.Empty);
        var buffer = new ArrayBufferWriter<byte>(64 + (record.Vector.Length * 12));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", record.Id);
            writer.WritePropertyName("vector");
            WriteVector(writer, record.Vector.Span);
            writer.WritePropertyName("payload");
            try
            {
                Payload.WriteJson(writer, payload);
            }
            catch (ArgumentException exception)
            {
                // Utf8JsonWriter refuses NaN and infinities, which JSON cannot carry.
                throw new VectorStoreException(
                    VectorStoreErrorKind.InvalidRequest, $"The payload of record {record.Id} cannot be written as JSON: {exception.Message}", exception);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteVector(Utf8JsonWriter writer, ReadOnlySpan<float> vector)
    {
        writer.WriteStartArray();
        foreach (var component in vector)
        {
            if (!float.IsFinite(component))
            {
                throw new VectorStoreException(VectorStoreErrorKind.InvalidRequest, "Vectors must hold finite numbers only (no NaN or infinity).");
            }

            writer.WriteNumberValue(component);
        }

        writer.WriteEndArray();
    }

    /// <summary>A Qdrant Record (<c>{id, payload?, vector?}</c>) as a record; the vector is empty when it was not asked for.</summary>
    public static VectorRecord ReadRecord(JsonElement point) =>
        new(ReadId(point.GetProperty("id")), ReadVector(point), ReadPayload(point));

    /// <summary>A Qdrant ScoredPoint (<c>{id, version, score, payload?, vector?}</c>) as a search result.</summary>
    public static VectorSearchResult ReadScoredPoint(JsonElement point) =>
        new(ReadRecord(point), point.GetProperty("score").GetSingle());

    /// <summary>A point id: Baize writes UUIDs only, so an integer id means the collection holds someone else's points.</summary>
    public static Guid ReadId(JsonElement id)
    {
        if (id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var guid))
        {
            return guid;
        }

        throw new VectorStoreException(
            VectorStoreErrorKind.InvalidRequest,
            $"Qdrant returned the point id {id.GetRawText()}, which is not a UUID; Baize reads only the UUID ids it writes.");
    }

    private static ReadOnlyMemory<float> ReadVector(JsonElement point)
    {
        if (!point.TryGetProperty("vector", out var vector) || vector.ValueKind == JsonValueKind.Null)
        {
            return ReadOnlyMemory<float>.Empty;
        }

        if (vector.ValueKind != JsonValueKind.Array)
        {
            throw new VectorStoreException(
                VectorStoreErrorKind.InvalidRequest,
                "Qdrant returned named vectors; Baize collections hold one unnamed vector per point.");
        }

        var values = new float[vector.GetArrayLength()];
        var index = 0;
        foreach (var component in vector.EnumerateArray())
        {
            values[index++] = component.GetSingle();
        }

        return values;
    }

    private static IReadOnlyDictionary<string, object> ReadPayload(JsonElement point) =>
        point.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object
            ? Payload.FromJson(payload)
            : Payload.Empty;
}

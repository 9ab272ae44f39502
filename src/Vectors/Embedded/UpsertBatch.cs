using System.Numerics.Tensors;

namespace Baize.Vectors.Embedded;

/// <summary>
/// Turns a batch of records into the points to store, checking everything first so that a bad record fails the whole
/// batch before anything is written. Payloads are checked and serialised before the write transaction; vector
/// lengths are checked against the definition read inside it.
/// </summary>
internal static class UpsertBatch
{
    /// <summary>A record whose payload is already normalised, serialised and read back.</summary>
    internal sealed record Prepared(Guid Id, ReadOnlyMemory<float> Vector, IReadOnlyDictionary<string, object> Payload, byte[] PayloadJson);

    /// <summary>Checks payloads and finiteness; for an id given twice the last record wins, as in Qdrant.</summary>
    public static IReadOnlyList<Prepared> Prepare(IReadOnlyList<VectorRecord> records)
    {
        var byId = new Dictionary<Guid, int>(records.Count);
        var prepared = new List<Prepared>(records.Count);
        var scratch = Array.Empty<byte>();
        foreach (var record in records)
        {
            if (record is null)
            {
                throw StoreValidation.Invalid("A batch must not contain null records.");
            }

            foreach (var value in record.Vector.Span)
            {
                if (!float.IsFinite(value))
                {
                    throw StoreValidation.Invalid($"The vector of point {record.Id} contains a NaN or infinite value.");
                }
            }

            // Read back from the stored JSON, so this process holds exactly what another process would load.
            var json = PayloadJson.Serialize(Payload.Normalize(record.Payload ?? Payload.Empty));
            var item = new Prepared(record.Id, record.Vector, PayloadJson.Parse(json, ref scratch), json);
            if (byId.TryGetValue(record.Id, out var index))
            {
                prepared[index] = item;
            }
            else
            {
                byId.Add(record.Id, prepared.Count);
                prepared.Add(item);
            }
        }

        return prepared;
    }

    /// <summary>Checks every vector's length against the collection, then copies (and for cosine normalises) them.</summary>
    public static IReadOnlyList<StoredPoint> Complete(IReadOnlyList<Prepared> prepared, CollectionEntry entry)
    {
        var definition = entry.Definition;
        foreach (var item in prepared)
        {
            StoreValidation.Vector(item.Vector.Span, definition.Dimension, entry.Name, $"vector of point {item.Id}");
        }

        return [.. prepared.Select(item =>
        {
            var vector = item.Vector.ToArray();
            if (definition.Distance == DistanceFunction.Cosine)
            {
                Normalize(vector);
            }

            return new StoredPoint(item.Id, vector, item.Payload, item.PayloadJson);
        })];
    }

    /// <summary>Scales to unit length, as Qdrant does for cosine; a zero vector stays zero.</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}

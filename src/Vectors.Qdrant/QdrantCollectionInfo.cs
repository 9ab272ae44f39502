using System.Text.Json;

namespace Baize.Vectors.Qdrant;

/// <summary>What <c>GET /collections/{name}</c> says about a collection, as far as Baize cares.</summary>
/// <param name="Dimension">The vector size, or null when the collection uses named vectors.</param>
/// <param name="Distance">Qdrant's distance name (Cosine, Dot, Euclid, Manhattan), or null with named vectors.</param>
/// <param name="Quantized">Whether a quantization config is set, for the collection or its vector.</param>
/// <param name="IndexedFields">The payload paths that have an index.</param>
internal sealed record QdrantCollectionInfo(int? Dimension, string? Distance, bool Quantized, IReadOnlySet<string> IndexedFields)
{
    public static QdrantCollectionInfo Read(JsonElement result)
    {
        var config = result.GetProperty("config");
        var vectors = config.GetProperty("params").GetProperty("vectors");
        int? dimension = null;
        string? distance = null;
        var quantized = IsSet(config, "quantization_config");
        if (vectors.TryGetProperty("size", out var size))
        {
            dimension = size.GetInt32();
            distance = vectors.GetProperty("distance").GetString();
            quantized |= IsSet(vectors, "quantization_config");
        }

        var indexed = new HashSet<string>(StringComparer.Ordinal);
        if (result.TryGetProperty("payload_schema", out var schema) && schema.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in schema.EnumerateObject())
            {
                indexed.Add(field.Name);
            }
        }

        return new QdrantCollectionInfo(dimension, distance, quantized, indexed);
    }

    /// <summary>The Baize distance function of a Qdrant distance name, or null for one Baize does not have.</summary>
    public DistanceFunction? BaizeDistance => Distance switch
    {
        "Cosine" => DistanceFunction.Cosine,
        "Dot" => DistanceFunction.DotProduct,
        _ => null,
    };

    private static bool IsSet(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object;
}

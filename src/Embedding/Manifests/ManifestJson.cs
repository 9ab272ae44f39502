using System.Text.Json;

namespace Baize.Embedding.Manifests;

/// <summary>Reads and writes manifest.json with the source-generated, strict snake_case serializer.</summary>
public static class ManifestJson
{
    public static string Serialize(ModelManifest manifest) =>
        JsonSerializer.Serialize(manifest, ManifestJsonContext.Default.ModelManifest);

    /// <exception cref="JsonException">The JSON is malformed, misses a required member, has a null where none is allowed, or has an unknown member.</exception>
    public static ModelManifest Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ManifestJsonContext.Default.ModelManifest)
        ?? throw new JsonException("The manifest is the JSON value null.");

    /// <summary>The lowercase name used for a modality in manifests and folder names ("text", "image", "audio", "video").</summary>
    public static string ModalityName(Modality modality) => JsonNamingPolicy.SnakeCaseLower.ConvertName(modality.ToString());

    /// <summary>The modality with exactly this name (any case); unlike Enum.TryParse, "1" or "image,audio" are no names.</summary>
    public static bool TryParseModality(string? name, out Modality modality)
    {
        foreach (var candidate in Enum.GetValues<Modality>())
        {
            if (string.Equals(ModalityName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                modality = candidate;
                return true;
            }
        }

        modality = default;
        return false;
    }

    /// <summary>The name used for an element type in manifests ("float32", "int64").</summary>
    public static string ElementTypeName(TensorElementKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}

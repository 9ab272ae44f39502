using System.Text.Json.Serialization;

namespace Baize.Embedding.Manifests;

/// <summary>
/// Source-generated serializer for manifests. Strict on purpose: a misspelt member in a hand-written manifest
/// is an error rather than a silently used default.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(SnakeCaseEnumConverter<Modality>), typeof(SnakeCaseEnumConverter<TensorElementKind>)])]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Baize.Embedding.Models;

/// <summary>Source-generated serializer for active.json, with the same conventions as manifests.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ActiveModelPointer))]
internal sealed partial class ModelDirectoryJsonContext : JsonSerializerContext;

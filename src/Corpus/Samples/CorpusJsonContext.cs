using System.Text.Json.Serialization;

namespace Baize.Corpus.Samples;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CorpusSample))]
[JsonSerializable(typeof(CorpusManifest))]
internal sealed partial class CorpusJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Baize.Encoders.Inputs;

/// <summary>samples.jsonl is snake_case; members the benchmark does not need (attributes, voice, ...) are skipped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CorpusSample))]
internal sealed partial class CorpusSampleJsonContext : JsonSerializerContext;

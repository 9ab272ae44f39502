using System.Text.Json.Serialization;

namespace Baize.BenchSupport;

/// <summary>samples.jsonl is snake_case; members the benchmarks do not need (attributes, voice, ...) are skipped.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CorpusSample))]
internal sealed partial class CorpusSampleJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Baize.Compression.Training;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(TrainingState))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;

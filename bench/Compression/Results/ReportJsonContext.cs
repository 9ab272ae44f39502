using System.Text.Json.Serialization;

namespace Baize.CompressionBench.Results;

/// <summary>
/// snake_case JSON, the naming the rest of the project's JSON files use. A teacher that never retrieves at rank 1
/// leaves a retention NaN, written as "NaN".
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(CompressionReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

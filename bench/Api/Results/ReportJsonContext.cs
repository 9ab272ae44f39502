using System.Text.Json.Serialization;

namespace Baize.Api.Results;

/// <summary>snake_case JSON for the report, the naming the rest of the project's JSON files use.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ApiReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

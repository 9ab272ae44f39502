using System.Text.Json.Serialization;

namespace Baize.ClassifierBench.Results;

/// <summary>snake_case JSON, the naming the rest of the project's JSON files use.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ClassifierReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baize.Embedding.Manifests;

/// <summary>Enums as lowercase snake_case strings ("image", "float32"); numbers are refused.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baize.SearchApi.Errors;

/// <summary>The API's JSON conventions: snake_case names, no unknown members silently ignored.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 16,
    };
}

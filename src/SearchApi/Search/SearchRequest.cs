using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baize.SearchApi.Search;

/// <summary>The body of <c>POST /v1/search</c> (JSON), or the <c>query</c> part of its multipart form.</summary>
public sealed record SearchRequest
{
    [Description("The text to search for. Required in the JSON form; not allowed with an uploaded file.")]
    public string? Text { get; init; }

    [Description("Modalities to search: any of text, image, audio, video. Default: all.")]
    public IReadOnlyList<string>? Modalities { get; init; }

    [Description("Number of hits, 1 to 100. Default 10.")]
    [JsonPropertyName("top_k")]
    public int? TopK { get; init; }

    [Description("Hits to skip, for paging, 0 to 10000. Default 0.")]
    public int? Offset { get; init; }

    [Description("Metadata filter: {\"field\": value | [values] | {\"any\"|\"not\"|\"gt\"|\"gte\"|\"lt\"|\"lte\": …}, \"$or\": [filter, …], \"$not\": filter}.")]
    public JsonElement? Filter { get; init; }

    [Description("One hit per item, with its best segment (default true); false returns every matching segment.")]
    public bool? Group { get; init; }

    [Description("Only hits scoring above this cosine similarity.")]
    [JsonPropertyName("score_threshold")]
    public float? ScoreThreshold { get; init; }
}

using System.Text.Json.Serialization;

namespace Baize.SearchApi.Search;

/// <param name="QueryEncoder">The encoder version that embedded the query.</param>
/// <param name="QueryModality">What the query was: text, image, audio or video.</param>
public sealed record SearchResponse(
    IReadOnlyList<SearchHit> Hits,
    [property: JsonPropertyName("query_encoder")] string QueryEncoder,
    [property: JsonPropertyName("query_modality")] string QueryModality);

namespace Baize.SearchApi.Search;

/// <summary>One result: an item, the modality and segment that matched, and the encoder version that embedded it.</summary>
/// <param name="Id">The item id (GET /v1/items/{id}).</param>
/// <param name="Kind">What the item is (a video item can match as audio through its sound track).</param>
/// <param name="Segment">The matching time span of audio and video; null for text and images.</param>
public sealed record SearchHit(
    string Id,
    string Modality,
    string Kind,
    float Score,
    IReadOnlyDictionary<string, object> Metadata,
    HitSegment? Segment,
    string Encoder);

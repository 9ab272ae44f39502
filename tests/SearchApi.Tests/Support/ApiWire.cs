using System.Text.Json;
using System.Text.Json.Serialization;

namespace Baize.SearchApi.Tests.Support;

/// <summary>
/// The API's JSON as a client sees it, declared independently of the server's types so that a renamed or
/// missing member shows up as a failing test rather than being followed silently.
/// </summary>
internal static class ApiWire
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

internal sealed record UploadedItem(string JobId, string ItemId, string Kind, string? FileName, string Status, string JobUrl, string ItemUrl);

internal sealed record UploadResult(IReadOnlyList<UploadedItem> Items);

internal sealed record JobView(string Id, string ItemId, string Status, string? Error, DateTimeOffset Created, string ItemUrl);

internal sealed record ModalityIndexView(string Encoder, int Points);

internal sealed record ItemView(
    string Id,
    string Kind,
    string Format,
    string ContentType,
    string? FileName,
    long Size,
    string Sha256,
    Dictionary<string, JsonElement> Metadata,
    string Status,
    string? Error,
    Dictionary<string, ModalityIndexView> Index,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string MediaUrl);

internal sealed record SegmentView(double Start, double End);

internal sealed record HitView(
    string Id,
    string Modality,
    string Kind,
    float Score,
    Dictionary<string, JsonElement> Metadata,
    SegmentView? Segment,
    string Encoder);

internal sealed record SearchView(
    IReadOnlyList<HitView> Hits,
    [property: JsonPropertyName("query_encoder")] string QueryEncoder,
    [property: JsonPropertyName("query_modality")] string QueryModality);

internal sealed record ProblemView(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);

/// <summary>One file part of an upload.</summary>
internal sealed record UploadFile(byte[] Bytes, string FileName, string? ContentType);

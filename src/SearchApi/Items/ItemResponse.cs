using Baize.Indexer.Items;

namespace Baize.SearchApi.Items;

/// <summary>An item as <c>GET /v1/items/{id}</c> shows it.</summary>
public sealed record ItemResponse(
    string Id,
    string Kind,
    string Format,
    string ContentType,
    string? FileName,
    long Size,
    string Sha256,
    IReadOnlyDictionary<string, object> Metadata,
    string Status,
    string? Error,
    IReadOnlyDictionary<string, ModalityIndex> Index,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    string MediaUrl)
{
    public static ItemResponse From(ItemRecord item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = item.Id.ToString("D");
        return new ItemResponse(
            id, Name(item.Kind), item.Format, item.ContentType, item.FileName, item.Size, item.Sha256, item.Metadata,
            Name(item.Status), item.Error, item.Index, item.Created, item.Updated, $"/v1/items/{id}/media");
    }

    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}

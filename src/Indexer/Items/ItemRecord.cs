namespace Baize.Indexer.Items;

/// <summary>One stored media item as the catalogue knows it.</summary>
/// <param name="Id">Derived from the content: the first 128 bits of its SHA-256.</param>
/// <param name="Format">The container or "text", as detected from the bytes.</param>
/// <param name="Metadata">Title, tags, source and user fields; every value is a payload value (see Baize.Vectors.Payload).</param>
/// <param name="Generation">Counts the uploads of this content; indexing reports success only for the generation it read.</param>
/// <param name="Index">Per modality name: the encoder version its points were embedded with and how many there are.</param>
public sealed record ItemRecord(
    Guid Id,
    string Sha256,
    ItemKind Kind,
    string Format,
    string ContentType,
    string? FileName,
    long Size,
    IReadOnlyDictionary<string, object> Metadata,
    ItemStatus Status,
    string? Error,
    long Generation,
    IReadOnlyDictionary<string, ModalityIndex> Index,
    DateTimeOffset Created,
    DateTimeOffset Updated);

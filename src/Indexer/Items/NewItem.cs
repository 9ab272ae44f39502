namespace Baize.Indexer.Items;

/// <summary>What the catalogue records when an upload is accepted.</summary>
public sealed record NewItem(
    string Sha256,
    ItemKind Kind,
    string Format,
    string ContentType,
    string? FileName,
    long Size,
    IReadOnlyDictionary<string, object> Metadata);

using Baize.Indexer.Items;

namespace Baize.Indexer.Ingestion;

/// <summary>What an upload turned out to be, and the content type it is served back with.</summary>
public sealed record InspectedMedia(ItemKind Kind, string Format, string ContentType);

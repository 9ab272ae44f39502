namespace Baize.Indexer.Items;

/// <summary>Metadata a caller sent breaks the rules of <see cref="ItemMetadata"/>.</summary>
public sealed class ItemMetadataException(string message) : Exception(message);

namespace Baize.Indexer.Messaging;

/// <summary>An item was stored (or re-uploaded) and needs indexing; sent to the <c>index-item</c> queue.</summary>
/// <param name="Generation">The item's upload generation when this was sent; a fault only fails that generation.</param>
public sealed record IndexItemRequested(Guid ItemId, Guid JobId, long Generation);

namespace Baize.Indexer.Messaging;

/// <summary>An item was stored (or re-uploaded) and needs indexing; sent to the <c>index-item</c> queue.</summary>
public sealed record IndexItemRequested(Guid ItemId, Guid JobId);

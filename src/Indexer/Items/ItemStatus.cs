namespace Baize.Indexer.Items;

/// <summary>Where an item is on its way into the index.</summary>
public enum ItemStatus
{
    /// <summary>Stored and announced to the indexer; not yet picked up.</summary>
    Queued,

    /// <summary>An indexer is decoding and embedding it.</summary>
    Processing,

    /// <summary>Every segment is embedded and searchable.</summary>
    Indexed,

    /// <summary>Indexing gave up; <see cref="ItemRecord.Error"/> says why.</summary>
    Failed,
}

namespace Baize.Vectors.Embedded;

/// <summary>What changed in a collection after a sequence number, up to <see cref="Seq"/>.</summary>
/// <param name="Upserts">Points written (an id appears at most once: a later delete removes its row).</param>
/// <param name="Deletes">Ids deleted (an id re-upserted later has lost its tombstone, so it is not here).</param>
internal sealed record PointChanges(long Seq, IReadOnlyList<StoredPoint> Upserts, IReadOnlyList<Guid> Deletes);

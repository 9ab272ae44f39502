namespace Baize.Vectors.Embedded;

/// <summary>A collection as the catalog last read it: its id (never reused), definition and sequence number.</summary>
internal sealed record CollectionEntry(long Id, string Name, VectorCollectionDefinition Definition, long Seq);

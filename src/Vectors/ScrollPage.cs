namespace Baize.Vectors;

/// <param name="NextOffset">The id to continue from, or null when this was the last page.</param>
public sealed record ScrollPage(IReadOnlyList<VectorRecord> Records, Guid? NextOffset);

namespace Baize.Indexer.Segments;

/// <summary>Media so long that indexing it would need more segments than allowed.</summary>
public sealed class SegmentLimitException(TimeSpan duration, int needed, int limit)
    : Exception($"The media lasts {duration.TotalSeconds:0.#} s and would need {needed} segments; the limit is {limit}.");

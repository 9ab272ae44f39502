using Baize.Vectors.Filters;

namespace Baize.Vectors;

public sealed record VectorSearchOptions
{
    /// <summary>Only records that match are scored.</summary>
    public VectorFilter? Filter { get; init; }

    /// <summary>How many of the best results to skip (pagination).</summary>
    public int Skip { get; init; }

    /// <summary>Only results scoring strictly above this are returned.</summary>
    public float? ScoreThreshold { get; init; }

    public bool IncludeVectors { get; init; }
}

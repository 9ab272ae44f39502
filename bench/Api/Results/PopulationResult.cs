namespace Baize.Api.Results;

/// <summary>How the collection was filled before the runs (directly through the store, not through ingestion).</summary>
/// <param name="Collection">The collection written; the alias items-image points at it.</param>
/// <param name="Vectors">Where the vectors came from.</param>
/// <param name="RealEmbeddings">Distinct real image embeddings used as base vectors (0 for random vectors).</param>
/// <param name="Noise">Length of the Gaussian perturbation added to a base vector (before normalising) for every point past the real ones.</param>
/// <param name="EmbedSeconds">Time to embed the real images with the image encoder.</param>
/// <param name="UpsertSeconds">Time to upsert every point in batches of <paramref name="BatchSize"/>.</param>
/// <param name="ColdLoadMs">The first search after populating: the store loads the collection from SQLite into memory.</param>
public sealed record PopulationResult(
    string Collection,
    int Points,
    string Vectors,
    int RealEmbeddings,
    double Noise,
    int BatchSize,
    double EmbedSeconds,
    double UpsertSeconds,
    double UpsertPointsPerS,
    double ColdLoadMs);

namespace Baize.VectorSearch.Results;

/// <summary>How the data was generated and searched; reports are comparable only with equal settings.</summary>
/// <param name="WarmupQueries">Distinct warm-up queries, cycled before each timed mode for at least
/// <see cref="MinWarmupQueries"/> queries and one second.</param>
public sealed record BenchmarkSettings(
    int Dimension,
    int Top,
    int Queries,
    int WarmupQueries,
    int MinWarmupQueries,
    int BatchSize,
    int Seed,
    int Clusters,
    double ClusteredFraction,
    string Distance,
    string Durability,
    int Int8Oversampling);

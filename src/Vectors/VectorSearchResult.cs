namespace Baize.Vectors;

public sealed record VectorSearchResult(VectorRecord Record, float Score);

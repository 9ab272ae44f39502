namespace Baize.Corpus.Evaluation;

/// <summary>Ranking quality of one query set against one gallery.</summary>
/// <param name="Queries">Queries that have at least one relevant gallery item; only these are scored.</param>
/// <param name="RecallAt1">Fraction of queries with a relevant item at rank 1.</param>
/// <param name="RecallAt5">Fraction of queries with a relevant item in the top 5.</param>
/// <param name="RecallAt10">Fraction of queries with a relevant item in the top 10.</param>
/// <param name="MapAt10">Mean average precision over the top 10.</param>
/// <param name="MedianRank">Median over queries of the 1-based rank of the first relevant item.</param>
public sealed record RetrievalMetrics(
    int Queries,
    double RecallAt1,
    double RecallAt5,
    double RecallAt10,
    double MapAt10,
    double MedianRank);

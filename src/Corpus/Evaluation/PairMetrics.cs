using Baize.Embedding;

namespace Baize.Corpus.Evaluation;

/// <summary>How well queries of one modality retrieve gallery items of another (or the same) modality.</summary>
public sealed record PairMetrics(Modality Query, Modality Gallery, RetrievalMetrics Metrics);

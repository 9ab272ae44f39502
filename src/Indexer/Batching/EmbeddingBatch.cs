using Baize.Embedding;

namespace Baize.Indexer.Batching;

/// <summary>What one batch run cost: for the embedding latency metric.</summary>
public sealed record EmbeddingBatch(Modality Modality, string EncoderVersion, int Size, TimeSpan Elapsed);

using Baize.Embedding;
using Baize.Vectors.Filters;

namespace Baize.SearchApi.Search;

/// <summary>A checked search request, ready to run against the vector store.</summary>
public sealed record SearchQuery(IReadOnlyList<Modality> Modalities, int TopK, int Offset, VectorFilter? Filter, bool Group, float? ScoreThreshold);

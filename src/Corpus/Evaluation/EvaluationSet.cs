using Baize.Corpus.Samples;
using Baize.Embedding;

namespace Baize.Corpus.Evaluation;

/// <summary>
/// The items of a split as seen by each modality: every sample has a caption (text) and speech (audio), scenes have
/// an image and clips a video. Relevance between two items comes from their attributes
/// (<see cref="SceneAttributes.IsRelevantTo"/>); within one modality an item never retrieves itself.
/// </summary>
public sealed class EvaluationSet
{
    private readonly Dictionary<Modality, IReadOnlyList<CorpusSample>> _items;

    public EvaluationSet(IReadOnlyList<CorpusSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        _items = new Dictionary<Modality, IReadOnlyList<CorpusSample>>
        {
            [Modality.Text] = samples,
            [Modality.Audio] = samples,
            [Modality.Image] = [.. samples.Where(s => s.Kind == SampleKind.Scene)],
            [Modality.Video] = [.. samples.Where(s => s.Kind == SampleKind.Clip)],
        };
    }

    public static IReadOnlyList<Modality> Modalities { get; } = [Modality.Text, Modality.Image, Modality.Audio, Modality.Video];

    /// <summary>Every ordered pair of modalities, cross-modal pairs first.</summary>
    public static IReadOnlyList<(Modality Query, Modality Gallery)> AllPairs { get; } =
        [.. Modalities.SelectMany(q => Modalities.Select(g => (q, g))).OrderBy(p => p.q == p.g).ThenBy(p => p.q).ThenBy(p => p.g)];

    /// <summary>The samples that carry <paramref name="modality"/>, in the order embeddings must be given.</summary>
    public IReadOnlyList<CorpusSample> Items(Modality modality) => _items[modality];

    /// <param name="embeddings">Unit vectors per modality, one per item of <see cref="Items"/>, in that order.</param>
    /// <param name="pairs">The pairs to score; every pair whose two modalities have embeddings when null.</param>
    public IReadOnlyList<PairMetrics> Evaluate(
        IReadOnlyDictionary<Modality, IReadOnlyList<float[]>> embeddings,
        IEnumerable<(Modality Query, Modality Gallery)>? pairs = null)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        foreach (var (modality, vectors) in embeddings)
        {
            if (vectors.Count != _items[modality].Count)
            {
                throw new ArgumentException($"{modality} has {vectors.Count} embeddings for {_items[modality].Count} items.", nameof(embeddings));
            }
        }

        var selected = pairs ?? AllPairs.Where(p => embeddings.ContainsKey(p.Query) && embeddings.ContainsKey(p.Gallery));
        var results = new List<PairMetrics>();
        foreach (var (query, gallery) in selected)
        {
            var queryItems = _items[query];
            var galleryItems = _items[gallery];
            var metrics = RankingEvaluator.Evaluate(
                embeddings[query],
                embeddings[gallery],
                (q, g) => queryItems[q].Attributes.IsRelevantTo(galleryItems[g].Attributes),
                query == gallery ? (q, g) => q == g : null);
            results.Add(new PairMetrics(query, gallery, metrics));
        }

        return results;
    }

    /// <summary>
    /// Retrieval within one modality where queries and gallery were embedded by two different models (a new encoder's
    /// queries against an index its predecessor built); an item never retrieves its own gallery entry.
    /// </summary>
    public RetrievalMetrics EvaluateAcrossVersions(Modality modality, IReadOnlyList<float[]> queries, IReadOnlyList<float[]> gallery)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(gallery);
        var items = _items[modality];
        if (queries.Count != items.Count || gallery.Count != items.Count)
        {
            throw new ArgumentException($"{modality} has {items.Count} items; got {queries.Count} queries and {gallery.Count} gallery embeddings.", nameof(queries));
        }

        return RankingEvaluator.Evaluate(queries, gallery, (q, g) => items[q].Attributes.IsRelevantTo(items[g].Attributes), (q, g) => q == g);
    }
}

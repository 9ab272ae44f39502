namespace Baize.Corpus.Generation;

/// <summary>Progress of one generation stage: "loading" (the Fashion-MNIST files), then one stage per split name.</summary>
/// <param name="Stage">What is being done.</param>
/// <param name="Done">Samples finished in this stage.</param>
/// <param name="Total">Samples in this stage.</param>
public sealed record CorpusProgress(string Stage, int Done, int Total);

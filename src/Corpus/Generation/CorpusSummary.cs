using Baize.Corpus.Samples;

namespace Baize.Corpus.Generation;

/// <summary>The outcome of <see cref="CorpusGenerator.GenerateAsync"/>.</summary>
/// <param name="Root">Absolute corpus folder.</param>
/// <param name="Generated">False when a complete corpus with the same seed and sizes was already there.</param>
/// <param name="Manifest">The corpus.json of the corpus now in the folder.</param>
/// <param name="Elapsed">Time this call took.</param>
public sealed record CorpusSummary(string Root, bool Generated, CorpusManifest Manifest, TimeSpan Elapsed);

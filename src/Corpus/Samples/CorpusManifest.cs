namespace Baize.Corpus.Samples;

/// <summary>The corpus.json at the corpus root; written last, so its presence means the corpus is complete.</summary>
/// <param name="GeneratorVersion">Version of the generator; a different version produces a different corpus.</param>
/// <param name="Seed">The seed every sample's randomness derives from.</param>
/// <param name="Splits">The splits with their requested sizes.</param>
/// <param name="TestWordsMissingFromTrain">
/// Caption words of the test split that no train caption uses. Empty at the default sizes; a very small train
/// split may not cover the whole vocabulary, and a text encoder built from train captions would not know these.
/// </param>
/// <param name="CreatedUtc">When generation finished; informational, never part of any comparison or hash.</param>
public sealed record CorpusManifest(
    string GeneratorVersion,
    int Seed,
    IReadOnlyList<SplitManifest> Splits,
    IReadOnlyList<string> TestWordsMissingFromTrain,
    DateTimeOffset CreatedUtc);

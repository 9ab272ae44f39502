namespace Baize.Corpus.Captions;

/// <summary>A word for a category; plural-only words (trousers, pants) are counted as "a pair of".</summary>
internal sealed record Noun(string Text, bool IsPairOf = false);

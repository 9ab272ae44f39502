using Baize.Corpus.Captions;

namespace Baize.Corpus.Tests.Support;

/// <summary>
/// A caption with its item words (colours and category nouns) replaced by placeholders: what is left is the
/// phrasing. Position and motion words stay, because word order around them is part of the phrasing.
/// </summary>
internal static class CaptionSkeleton
{
    private static readonly HashSet<string> ColourWords = [.. Lexicon.AllColourWords];
    private static readonly string[] MultiWordNouns = [.. Lexicon.AllNouns.Where(noun => noun.Contains(' ', StringComparison.Ordinal))];
    private static readonly HashSet<string> Nouns = [.. Lexicon.AllNouns];

    public static string Of(string caption)
    {
        var text = MultiWordNouns.Aggregate(caption, (current, noun) => current.Replace(noun, "<noun>", StringComparison.Ordinal));
        return string.Join(' ', text.Split(' ').Select(word => word.TrimEnd(',') switch
        {
            var bare when ColourWords.Contains(bare) => word.Replace(bare, "<colour>", StringComparison.Ordinal),
            var bare when Nouns.Contains(bare) => word.Replace(bare, "<noun>", StringComparison.Ordinal),
            _ => word,
        }));
    }
}

namespace Baize.Corpus.Captions;

/// <summary>Splits a caption into its words (lower case; "t-shirt" is one word, punctuation is dropped).</summary>
internal static class CaptionWords
{
    private static readonly char[] Separators = [' ', ','];

    public static IEnumerable<string> Of(string caption) =>
        caption.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
}

namespace Baize.BenchSupport;

/// <summary>The words the generated corpus builds its captions from, for captions made up without a corpus.</summary>
public static class CorpusVocabulary
{
    public static IReadOnlyList<string> Colours { get; } = ["red", "amber", "blue", "green", "violet", "white", "black", "rose", "yellow", "grey"];

    public static IReadOnlyList<string> Garments { get; } = ["coat", "shirt", "pair of pants", "pullover", "dress", "sandal", "sneaker", "bag", "ankle boot", "t-shirt"];

    public static IReadOnlyList<string> Places { get; } = ["at the top", "near the bottom", "on the left side", "on the right", "in the middle"];
}

namespace Baize.Corpus.Samples;

/// <summary>Named positions of items in the 64x64 frame.</summary>
internal static class ItemPositions
{
    public const string Left = "left";
    public const string Right = "right";
    public const string Top = "top";
    public const string Bottom = "bottom";
    public const string Centre = "centre";

    public static IReadOnlyList<string> Single { get; } = [Left, Right, Top, Bottom, Centre];
}

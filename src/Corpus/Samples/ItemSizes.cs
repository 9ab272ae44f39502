namespace Baize.Corpus.Samples;

/// <summary>Item size classes: small items are drawn 20 to 25 px wide, large ones 27 to 32 px.</summary>
internal static class ItemSizes
{
    public const string Small = "small";
    public const string Large = "large";
}

namespace Baize.Corpus.Rendering;

/// <summary>The named colours items are painted in; bright enough to stand out on every background.</summary>
internal static class Palette
{
    private static readonly Dictionary<string, Rgb> Colours = new(StringComparer.Ordinal)
    {
        ["red"] = Rgb.FromBytes(235, 40, 40),
        ["green"] = Rgb.FromBytes(40, 205, 70),
        ["blue"] = Rgb.FromBytes(55, 115, 255),
        ["yellow"] = Rgb.FromBytes(250, 225, 40),
        ["orange"] = Rgb.FromBytes(255, 140, 20),
        ["purple"] = Rgb.FromBytes(165, 75, 235),
        ["pink"] = Rgb.FromBytes(255, 125, 195),
        ["white"] = Rgb.FromBytes(245, 245, 245),
    };

    public static IReadOnlyList<string> Names { get; } = ["red", "green", "blue", "yellow", "orange", "purple", "pink", "white"];

    public static Rgb Colour(string name) => Colours[name];
}

namespace Baize.Corpus.Rendering;

/// <summary>A colour with channels in 0..1.</summary>
internal readonly record struct Rgb(float R, float G, float B)
{
    public static Rgb FromBytes(int r, int g, int b) => new(r / 255f, g / 255f, b / 255f);

    public Rgb Scale(float factor) => new(R * factor, G * factor, B * factor);

    public static Rgb Lerp(Rgb from, Rgb to, float t) =>
        new(from.R + ((to.R - from.R) * t), from.G + ((to.G - from.G) * t), from.B + ((to.B - from.B) * t));
}

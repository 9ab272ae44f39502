namespace Baize.Corpus.Samples;

/// <summary>Background styles; all dark enough that any palette colour stands out.</summary>
internal static class BackgroundStyles
{
    public const string Dark = "dark";
    public const string Gradient = "gradient";
    public const string Noise = "noise";

    public static IReadOnlyList<string> All { get; } = [Dark, Gradient, Noise];
}

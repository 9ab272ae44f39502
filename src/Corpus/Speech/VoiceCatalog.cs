using Baize.Corpus.Samples;

namespace Baize.Corpus.Speech;

/// <summary>
/// espeak-ng voices per split. The test split holds out two accents (Scottish and Caribbean English) that
/// train and validation never hear; the variants (timbre) are shared.
/// </summary>
internal static class VoiceCatalog
{
    public static IReadOnlyList<string> TrainAccents { get; } =
        ["en-us", "en-gb", "en-gb-x-rp", "en-gb-x-gbclan", "en-gb-x-gbcwmd", "en-us-nyc"];

    public static IReadOnlyList<string> TestAccents { get; } = ["en-gb-scotland", "en-029"];

    /// <summary>espeak-ng variants; empty is the accent's own default voice.</summary>
    public static IReadOnlyList<string> Variants { get; } = ["", "+m3", "+m7", "+f2", "+f3", "+f4"];

    public static IReadOnlyList<string> AccentsFor(string split) => split == CorpusSplits.Test ? TestAccents : TrainAccents;

    /// <summary>The accent part of a voice name such as "en-gb+f3".</summary>
    public static string AccentOf(string voice) => voice.Split('+')[0];
}

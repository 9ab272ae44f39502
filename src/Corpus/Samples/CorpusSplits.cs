namespace Baize.Corpus.Samples;

/// <summary>The split names, which are also the folder names under the corpus root.</summary>
public static class CorpusSplits
{
    public const string Train = "train";
    public const string Validation = "validation";
    public const string Test = "test";

    public static IReadOnlyList<string> All { get; } = [Train, Validation, Test];
}

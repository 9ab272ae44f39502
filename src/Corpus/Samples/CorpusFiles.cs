namespace Baize.Corpus.Samples;

/// <summary>File and folder names of the corpus layout, shared by the generator and the reader.</summary>
internal static class CorpusFiles
{
    public const string Manifest = "corpus.json";
    public const string Samples = "samples.jsonl";
    public const string Images = "images";
    public const string Audio = "audio";
    public const string Video = "video";
}

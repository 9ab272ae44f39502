namespace Baize.Corpus.Samples;

/// <summary>One split as recorded in corpus.json.</summary>
/// <param name="Name">train, validation or test.</param>
/// <param name="Scenes">Number of still scenes.</param>
/// <param name="Clips">Number of moving clips.</param>
/// <param name="SamplesSha256">Hex SHA-256 of the split's samples.jsonl, to tell corpora apart cheaply.</param>
public sealed record SplitManifest(string Name, int Scenes, int Clips, string SamplesSha256);

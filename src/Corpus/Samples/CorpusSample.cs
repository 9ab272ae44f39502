namespace Baize.Corpus.Samples;

/// <summary>One line of a split's samples.jsonl. Paths are relative to the split folder.</summary>
/// <param name="Id">Unique in the corpus, e.g. "train-scene-00042"; also the media file names.</param>
/// <param name="Split">train, validation or test.</param>
/// <param name="Kind">Scene or clip.</param>
/// <param name="Caption">The natural-language description, lower case.</param>
/// <param name="ImagePath">The PNG of a scene; null for clips.</param>
/// <param name="VideoPath">The MP4 of a clip; null for scenes.</param>
/// <param name="AudioPath">The caption spoken as a 16 kHz mono WAV.</param>
/// <param name="Attributes">The ground truth the caption describes.</param>
/// <param name="Voice">The espeak-ng voice that spoke the caption, e.g. "en-us+f3".</param>
public sealed record CorpusSample(
    string Id,
    string Split,
    SampleKind Kind,
    string Caption,
    string? ImagePath,
    string? VideoPath,
    string AudioPath,
    SceneAttributes Attributes,
    string Voice);

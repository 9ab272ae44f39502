using Baize.Corpus.Samples;

namespace Baize.Compression.Training;

/// <summary>
/// One split's preprocessed but not yet normalised model inputs: pixels as value/255, log-mel values as computed.
/// Normalisation statistics are measured on the training split's raw features and then applied to every split.
/// </summary>
public sealed record RawFeatures(
    IReadOnlyList<CorpusSample> Scenes,
    IReadOnlyList<CorpusSample> Clips,
    float[] ScenePixels,
    float[] SceneAudio,
    float[] ClipFrames,
    float[] ClipAudio);

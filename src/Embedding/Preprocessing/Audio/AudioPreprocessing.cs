using System.Text.Json.Serialization;

namespace Baize.Embedding.Preprocessing.Audio;

/// <summary>
/// Audio preprocessing parameters, stored in the manifest under <c>preprocessing.audio</c>. The defaults give
/// 300 frames of 64 HTK mel bands over 6.0 s of 16 kHz mono audio.
/// </summary>
public sealed record AudioPreprocessing
{
    public int SampleRate { get; init; } = 16_000;

    public int FftSize { get; init; } = 512;

    /// <summary>Hann window length in samples (periodic Hann), zero-padded to <see cref="FftSize"/>.</summary>
    public int WindowLength { get; init; } = 400;

    public int HopLength { get; init; } = 320;

    public int MelBins { get; init; } = 64;

    public float MinFrequency { get; init; }

    public float MaxFrequency { get; init; } = 8_000;

    /// <summary>Frames per clip; frame t covers samples [t·hop, t·hop + window).</summary>
    public int Frames { get; init; } = 300;

    /// <summary>Added to mel energies before the natural log, so silence maps to a finite value.</summary>
    public float LogOffset { get; init; } = 1e-6f;

    /// <summary>
    /// Mean of log-mel values over the training clips, subtracted before dividing by <see cref="Std"/>. The defaults
    /// are rough values measured on espeak-ng speech; training replaces them with the statistics of its corpus.
    /// </summary>
    public float Mean { get; init; } = -5f;

    public float Std { get; init; } = 6f;

    /// <summary>Audio covered by one clip: Frames × HopLength samples (6.0 s by default).</summary>
    [JsonIgnore]
    public TimeSpan ClipDuration => TimeSpan.FromSeconds((double)Frames * HopLength / SampleRate);
}

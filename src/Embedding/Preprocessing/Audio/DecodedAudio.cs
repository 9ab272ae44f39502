using Baize.Embedding.Media;

namespace Baize.Embedding.Preprocessing.Audio;

/// <summary>Mono float PCM as decoded by ffmpeg, kept so a long recording can be cut into many clips after one decode.</summary>
public sealed class DecodedAudio
{
    private readonly float[] _samples;

    public DecodedAudio(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _samples = samples;
        SampleRate = sampleRate;
    }

    public ReadOnlyMemory<float> Samples => _samples;

    public int SampleRate { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / SampleRate);

    /// <summary>The samples of [start, end) that exist; empty when the window starts after the end.</summary>
    public ReadOnlyMemory<float> Slice(TimeWindow window)
    {
        var start = (int)Math.Min(_samples.Length, Math.Round(window.Start.TotalSeconds * SampleRate));
        var end = (int)Math.Min(_samples.Length, Math.Round(window.End.TotalSeconds * SampleRate));
        return _samples.AsMemory(start, end - start);
    }
}

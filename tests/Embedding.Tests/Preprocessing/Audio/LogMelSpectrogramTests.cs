using Baize.Embedding.Preprocessing.Audio;

namespace Baize.Embedding.Tests.Preprocessing.Audio;

public sealed class LogMelSpectrogramTests
{
    private readonly LogMelSpectrogram _spectrogram = new(new AudioPreprocessing());

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(2500)]
    [InlineData(6000)]
    public void A_pure_sine_peaks_in_the_mel_bin_centred_nearest_its_frequency(double frequency)
    {
        var samples = Sine(frequency, seconds: 2);

        var logMel = _spectrogram.Compute(samples);

        Assert.Equal(ExpectedBin(frequency), PeakBin(logMel, frames: 100));
    }

    [Fact]
    public void Layout_is_mel_bins_by_frames_and_missing_audio_is_silence()
    {
        var p = new AudioPreprocessing();
        var logMel = _spectrogram.Compute(Sine(1000, seconds: 1));

        Assert.Equal(64 * 300, logMel.Length);

        // One second is 50 frames; frames from 51 on see only zero padding.
        var silence = (MathF.Log(p.LogOffset) - p.Mean) / p.Std;
        for (var m = 0; m < 64; m++)
        {
            Assert.Equal(silence, logMel[(m * 300) + 299], 1e-4);
        }

        Assert.True(logMel[(ExpectedBin(1000) * 300) + 10] > silence + 1);
    }

    [Fact]
    public void Audio_past_the_clip_length_is_ignored()
    {
        var sixSeconds = Sine(1000, seconds: 6);
        var tenSeconds = Sine(1000, seconds: 10);

        Assert.Equal(_spectrogram.Compute(sixSeconds), _spectrogram.Compute(tenSeconds));
    }

    [Fact]
    public void Mean_and_std_normalise_the_log_values()
    {
        var samples = Sine(1000, seconds: 2);
        var raw = new LogMelSpectrogram(new AudioPreprocessing { Mean = 0, Std = 1 }).Compute(samples);
        var normalised = new LogMelSpectrogram(new AudioPreprocessing { Mean = 3, Std = 2 }).Compute(samples);

        for (var i = 0; i < raw.Length; i += 97)
        {
            Assert.Equal((raw[i] - 3) / 2, normalised[i], 1e-4);
        }
    }

    [Fact]
    public void Default_clip_covers_six_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(6), new AudioPreprocessing().ClipDuration);
    }

    /// <summary>The bin whose centre frequency, on the HTK mel scale, is nearest the tone.</summary>
    internal static int ExpectedBin(double frequency)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + (hz / 700));
        var step = Mel(8000) / 65;
        return Enumerable.Range(0, 64).MinBy(m => Math.Abs(((m + 1) * step) - Mel(frequency)));
    }

    /// <summary>The mel bin with the highest mean over the first frames.</summary>
    internal static int PeakBin(float[] logMel, int frames) =>
        Enumerable.Range(0, 64).MaxBy(m => logMel.AsSpan(m * 300, frames).ToArray().Average());

    private static float[] Sine(double frequency, double seconds) =>
        [.. Enumerable.Range(0, (int)(16000 * seconds)).Select(n => (float)(0.5 * Math.Sin(2 * Math.PI * frequency * n / 16000)))];
}

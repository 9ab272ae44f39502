using Baize.Embedding.Media;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Tests.Support;

namespace Baize.Embedding.Tests.Preprocessing.Audio;

public sealed class AudioPreprocessorTests(MediaFixture media)
{
    private readonly AudioPreprocessor _preprocessor = new(new AudioPreprocessing());

    public static TheoryData<string> ToneFiles => ["tone1000.wav", "tone1000.mp3", "tone1000.ogg", "tone1000.flac"];

    [Theory]
    [MemberData(nameof(ToneFiles))]
    public async Task Wav_mp3_ogg_and_flac_decode_to_16_khz_mono_of_the_right_length(string name)
    {
        var audio = await _preprocessor.DecodeAsync(media.Path(name), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(3.0, audio.Duration.TotalSeconds, 0.08);
        Assert.InRange(audio.Samples.Span.ToArray().Max(), 0.05f, 1.0f);
    }

    [Theory]
    [MemberData(nameof(ToneFiles))]
    public async Task A_1_khz_tone_in_any_format_peaks_in_the_1_khz_mel_bin(string name)
    {
        var logMel = await _preprocessor.PreprocessAsync(media.Path(name), TestContext.Current.CancellationToken);

        Assert.Equal(64 * 300, logMel.Length);
        Assert.Equal(LogMelSpectrogramTests.ExpectedBin(1000), LogMelSpectrogramTests.PeakBin(logMel, frames: 100));
    }

    [Fact]
    public async Task Tones_generated_by_ffmpeg_peak_in_their_mel_bins()
    {
        foreach (var frequency in MediaFixture.ToneFrequencies)
        {
            var logMel = await _preprocessor.PreprocessAsync(media.Tone16k(frequency), TestContext.Current.CancellationToken);

            Assert.Equal(LogMelSpectrogramTests.ExpectedBin(frequency), LogMelSpectrogramTests.PeakBin(logMel, frames: 90));
        }
    }

    [Fact]
    public async Task Speech_from_espeak_becomes_finite_log_mel_values()
    {
        var logMel = await _preprocessor.PreprocessAsync(media.Speech, TestContext.Current.CancellationToken);

        Assert.All(logMel, v => Assert.True(float.IsFinite(v)));
        Assert.True(logMel.Max() - logMel.Min() > 3, "speech should have dynamic range");
    }

    [Theory]
    [InlineData("ramp.mp4")]
    [InlineData("ramp.webm")]
    [InlineData("ramp.mkv")]
    public async Task The_audio_track_of_a_video_file_is_decoded(string name)
    {
        var audio = await _preprocessor.DecodeAsync(media.Path(name), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(MediaFixture.VideoSeconds, audio.Duration.TotalSeconds, 0.1);
    }

    [Fact]
    public async Task A_window_decodes_only_that_part_and_matches_slicing_a_full_decode()
    {
        var window = TimeWindow.FromSeconds(7, 13);

        var windowed = await _preprocessor.DecodeAsync(media.LongTone, window, TestContext.Current.CancellationToken);
        var full = await _preprocessor.DecodeAsync(media.LongTone, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(20, full.Duration.TotalSeconds, 0.01);
        Assert.Equal(6, windowed.Duration.TotalSeconds, 0.01);
        var fromWindow = _preprocessor.Spectrogram.Compute(windowed.Samples.Span);
        var fromFull = _preprocessor.ComputeLogMel(full, window);
        for (var i = 0; i < fromFull.Length; i++)
        {
            Assert.Equal(fromFull[i], fromWindow[i], 0.05);
        }
    }

    [Fact]
    public async Task A_window_past_the_end_is_clipped_and_one_after_the_end_is_refused()
    {
        var tail = await _preprocessor.DecodeAsync(media.LongTone, TimeWindow.FromSeconds(17, 23), TestContext.Current.CancellationToken);

        Assert.Equal(3, tail.Duration.TotalSeconds, 0.01);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _preprocessor.DecodeAsync(media.LongTone, TimeWindow.FromSeconds(25, 31), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Probe_reports_duration_and_streams()
    {
        var info = await _preprocessor.ProbeAsync(media.RampMp4, TestContext.Current.CancellationToken);

        Assert.Equal(MediaFormat.Mp4, info.Format);
        Assert.Equal(MediaFixture.VideoSeconds, info.Duration!.Value.TotalSeconds, 0.1);
        Assert.NotNull(info.Audio);
        Assert.Equal(96, info.Video!.Width);
    }
}

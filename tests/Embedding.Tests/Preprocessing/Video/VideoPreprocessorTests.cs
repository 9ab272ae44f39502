using Baize.Embedding.Media;
using Baize.Embedding.Preprocessing.Video;
using Baize.Embedding.Tests.Support;

namespace Baize.Embedding.Tests.Preprocessing.Video;

public sealed class VideoPreprocessorTests(MediaFixture media)
{
    private const int FrameLength = 3 * 64 * 64;

    private readonly VideoPreprocessor _preprocessor = new(new VideoPreprocessing());

    [Theory]
    [InlineData("ramp.mp4")]
    [InlineData("ramp-faststart.mp4")]
    [InlineData("ramp.webm")]
    [InlineData("ramp.mkv")]
    [InlineData("silent.mp4")]
    public async Task Eight_frames_are_sampled_uniformly_over_the_whole_clip(string name)
    {
        var frames = await _preprocessor.PreprocessAsync(media.Path(name), TestContext.Current.CancellationToken);

        Assert.Equal(8 * FrameLength, frames.Length);
        var reds = MeanRed(frames);
        for (var k = 0; k < 8; k++)
        {
            // Frame k is the last frame at or before (k + ½) · 4 s / 8; codecs add a few levels of error.
            var expected = MediaFixture.RedPerSecond * (k + 0.5) * MediaFixture.VideoSeconds / 8;
            Assert.InRange(reds[k], expected - 12, expected + 6);
        }
    }

    [Fact]
    public async Task A_window_samples_its_frames_from_that_span_only()
    {
        var frames = await _preprocessor.PreprocessAsync(media.RampMp4, TimeWindow.FromSeconds(1, 3), TestContext.Current.CancellationToken);

        var reds = MeanRed(frames);
        Assert.All(reds, red => Assert.InRange(red, 60 - 6, 180 + 6));
        Assert.True(reds.Zip(reds.Skip(1)).All(pair => pair.Second > pair.First), "frames must advance in time");
    }

    [Fact]
    public async Task Green_and_blue_planes_are_normalised_like_images()
    {
        var frames = await _preprocessor.PreprocessAsync(media.RampMp4, TestContext.Current.CancellationToken);

        // The ramp has green 128 and blue 0 everywhere: (128/255 - 0.5) / 0.25 ≈ 0.0078 and -2.
        Assert.Equal(0.0078, frames.AsSpan(4096, 4096).ToArray().Average(), 0.1);
        Assert.Equal(-2, frames.AsSpan(8192, 4096).ToArray().Average(), 0.1);
    }

    [Fact]
    public async Task A_window_after_the_end_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            _preprocessor.PreprocessAsync(media.RampMp4, TimeWindow.FromSeconds(10, 12), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Probe_reports_frame_count_and_rate()
    {
        var info = await _preprocessor.ProbeAsync(media.RampMp4, TestContext.Current.CancellationToken);

        Assert.Equal(100, info.Video!.FrameCount);
        Assert.Equal(25, info.Video.FrameRate!.Value, 0.01);
        Assert.Equal(MediaFixture.VideoSeconds, info.Video.Duration!.Value.TotalSeconds, 0.05);
    }

    /// <summary>Mean red value (0–255) of each frame, undoing the default normalisation.</summary>
    private static double[] MeanRed(float[] frames) =>
        [.. Enumerable.Range(0, 8).Select(k => (frames.AsSpan(k * FrameLength, 4096).ToArray().Average() * 0.25 + 0.5) * 255)];
}

using Baize.Embedding.Media;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Video;
using Baize.Embedding.Tests.Support;
using Baize.TestSupport;
using SkiaSharp;

namespace Baize.Embedding.Tests.Media;

/// <summary>A corpus of hostile files, each rejected with the right reason and without a crash or a hang (ffmpeg runs under the decode timeout).</summary>
public sealed class BrokenMediaTests(MediaFixture media) : IDisposable
{
    private static readonly MediaDecodeOptions Options = MediaDecodeOptions.Default;

    private static readonly BrokenFile[] Corpus =
    [
        new("empty.png", Target.Image, MediaDecodeReason.Empty, _ => []),
        new("random.png", Target.Image, MediaDecodeReason.UnsupportedFormat, _ => RandomBytes(4096)),
        new("random.jpg", Target.Image, MediaDecodeReason.UnsupportedFormat, _ => RandomBytes(4096)),
        new("image.gif", Target.Image, MediaDecodeReason.UnsupportedFormat, m => File.ReadAllBytes(m.Gif)),
        new("sound.png", Target.Image, MediaDecodeReason.UnsupportedFormat, m => File.ReadAllBytes(m.Tone1000Wav)),
        new("truncated.png", Target.Image, MediaDecodeReason.Corrupt, _ => Half(TestImages.Noise(128, SKEncodedImageFormat.Png))),
        new("truncated.jpg", Target.Image, MediaDecodeReason.Corrupt, _ => Half(TestImages.Noise(128, SKEncodedImageFormat.Jpeg))),
        new("png-signature-then-garbage.png", Target.Image, MediaDecodeReason.Corrupt, _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. RandomBytes(2048)]),
        new("bomb.png", Target.Image, MediaDecodeReason.TooLarge, _ => TestImages.PngHeaderClaiming(50_000, 50_000)),

        new("empty.wav", Target.Audio, MediaDecodeReason.Empty, _ => []),
        new("random.mp3", Target.Audio, MediaDecodeReason.UnsupportedFormat, _ => RandomBytes(20_000)),
        new("random.wav", Target.Audio, MediaDecodeReason.UnsupportedFormat, _ => RandomBytes(20_000)),
        new("picture.mp3", Target.Audio, MediaDecodeReason.UnsupportedFormat, _ => TestImages.Solid(SKColors.Red, 16, 16)),
        new("riff-then-garbage.wav", Target.Audio, MediaDecodeReason.Corrupt, _ => [.. "RIFF\x10\0\0\0WAVE"u8, .. RandomBytes(4000)]),
        new("truncated.wav", Target.Audio, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.Tone1000Wav))),
        new("truncated.mp3", Target.Audio, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.Tone1000Mp3))),
        new("truncated.ogg", Target.Audio, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.Tone1000Ogg))),
        new("truncated.flac", Target.Audio, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.Tone1000Flac))),
        new("truncated-audio.mkv", Target.Audio, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.RampMkv))),
        new("silent-video.mp4", Target.Audio, MediaDecodeReason.MissingStream, m => File.ReadAllBytes(m.SilentMp4)),

        new("empty.mp4", Target.Video, MediaDecodeReason.Empty, _ => []),
        new("random.mp4", Target.Video, MediaDecodeReason.UnsupportedFormat, _ => RandomBytes(20_000)),
        new("random.webm", Target.Video, MediaDecodeReason.UnsupportedFormat, _ => RandomBytes(20_000)),
        new("sound.mp4", Target.Video, MediaDecodeReason.UnsupportedFormat, m => File.ReadAllBytes(m.Tone1000Wav)),
        new("audio-only.mp4", Target.Video, MediaDecodeReason.MissingStream, m => File.ReadAllBytes(m.AudioOnlyM4a)),
        new("ftyp-then-garbage.mp4", Target.Video, MediaDecodeReason.Corrupt, _ => [0, 0, 0, 0x18, .. "ftypisom"u8, .. RandomBytes(8000)]),
        new("truncated.mp4", Target.Video, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.RampMp4))),
        new("truncated-faststart.mp4", Target.Video, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.RampFastStartMp4))),
        new("truncated.mkv", Target.Video, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.RampMkv))),
        new("truncated.webm", Target.Video, MediaDecodeReason.Corrupt, m => Half(File.ReadAllBytes(m.RampWebm))),
    ];

    private readonly TempDirectory _temp = new();

    private enum Target
    {
        Image,
        Audio,
        Video,
    }

    public static TheoryData<string> CorpusNames => [.. Corpus.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CorpusNames))]
    public async Task Broken_file_is_rejected_with_the_right_reason(string name)
    {
        var broken = Corpus.Single(c => c.Name == name);
        var path = _temp.File(name);
        await File.WriteAllBytesAsync(path, broken.Bytes(media), TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => PreprocessAsync(broken.Target, path, Options));

        Assert.Equal(broken.Expected, error.Reason);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_over_the_byte_limit_are_rejected_before_decoding()
    {
        var options = new MediaDecodeOptions { MaxFileBytes = 1000 };

        var audio = await Assert.ThrowsAsync<MediaDecodeException>(() => PreprocessAsync(Target.Audio, media.Tone1000Wav, options));
        var video = await Assert.ThrowsAsync<MediaDecodeException>(() => PreprocessAsync(Target.Video, media.RampMp4, options));

        Assert.Equal(MediaDecodeReason.TooLarge, audio.Reason);
        Assert.Equal(MediaDecodeReason.TooLarge, video.Reason);
    }

    [Fact]
    public async Task Images_over_the_pixel_limit_are_rejected_before_decoding()
    {
        var path = _temp.File("big.png");
        await File.WriteAllBytesAsync(path, TestImages.Solid(SKColors.Red, 300, 200), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => PreprocessAsync(Target.Image, path, new MediaDecodeOptions { MaxPixels = 50_000 }));

        Assert.Equal(MediaDecodeReason.TooLarge, error.Reason);
        Assert.Contains("300x200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Video_frames_over_the_pixel_limit_are_rejected_before_decoding()
    {
        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => PreprocessAsync(Target.Video, media.RampMp4, new MediaDecodeOptions { MaxPixels = 1000 }));

        Assert.Equal(MediaDecodeReason.TooLarge, error.Reason);
    }

    [Fact]
    public async Task Decoder_output_over_the_limit_stops_the_decoder()
    {
        var error = await Assert.ThrowsAsync<MediaDecodeException>(() =>
            new AudioPreprocessor(new AudioPreprocessing(), new MediaDecodeOptions { MaxDecodedBytes = 10_000 })
                .DecodeAsync(media.LongTone, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(MediaDecodeReason.TooLarge, error.Reason);
    }

    [Fact]
    public async Task A_decoder_that_runs_too_long_is_killed_and_reported_as_a_timeout()
    {
        var options = new MediaDecodeOptions { ToolTimeout = TimeSpan.FromMilliseconds(1) };

        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => PreprocessAsync(Target.Audio, media.LongTone, options));

        Assert.Equal(MediaDecodeReason.Timeout, error.Reason);
    }

    [Fact]
    public async Task A_missing_ffmpeg_names_the_debian_package_to_install()
    {
        var options = new MediaDecodeOptions { FfprobePath = "baize-no-such-ffprobe", FfmpegPath = "/nonexistent/ffmpeg" };

        var error = await Assert.ThrowsAsync<MediaToolMissingException>(() => PreprocessAsync(Target.Video, media.RampMp4, options));

        Assert.Equal("ffmpeg", error.AptPackage);
        Assert.Contains("apt-get install ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_are_reported_as_missing_not_as_broken_media()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => PreprocessAsync(Target.Audio, _temp.File("absent.wav"), Options));
    }

    public void Dispose() => _temp.Dispose();

    private static Task PreprocessAsync(Target target, string path, MediaDecodeOptions options)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        return target switch
        {
            Target.Image => new ImagePreprocessor(new ImagePreprocessing(), options).PreprocessAsync(path, cancellationToken),
            Target.Audio => new AudioPreprocessor(new AudioPreprocessing(), options).DecodeAsync(path, cancellationToken: cancellationToken),
            _ => new VideoPreprocessor(new VideoPreprocessing(), options).PreprocessAsync(path, cancellationToken),
        };
    }

    /// <summary>Seeded noise whose first byte matches no media signature.</summary>
    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        bytes[0] = 0x42;
        return bytes;
    }

    private static byte[] Half(byte[] bytes) => bytes[..(bytes.Length / 2)];

    private sealed record BrokenFile(string Name, Target Target, MediaDecodeReason Expected, Func<MediaFixture, byte[]> Bytes);
}

using Baize.TestSupport;

namespace Baize.Embedding.Tests.Support;

/// <summary>
/// Real media made once per test run with ffmpeg and espeak-ng: tones in every audio format, speech, and a 4 s
/// 96×64 video whose red channel rises with time (red = 60 · t) in every video container.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    public const double VideoSeconds = 4;

    /// <summary>Red channel value per second of the ramp video.</summary>
    public const double RedPerSecond = 60;

    /// <summary>Frequencies of the 16 kHz tones, for mel-bin tests.</summary>
    public static readonly int[] ToneFrequencies = [500, 1000, 3000];

    private readonly TempDirectory _directory = new("baize-embedding-media-");

    public string Tone1000Wav => Path("tone1000.wav");
    public string Tone1000Mp3 => Path("tone1000.mp3");
    public string Tone1000Ogg => Path("tone1000.ogg");
    public string Tone1000Flac => Path("tone1000.flac");
    public string Speech => Path("speech.wav");
    public string LongTone => Path("long440.wav");
    public string RampMp4 => Path("ramp.mp4");
    public string RampFastStartMp4 => Path("ramp-faststart.mp4");
    public string RampWebm => Path("ramp.webm");
    public string RampMkv => Path("ramp.mkv");
    public string SilentMp4 => Path("silent.mp4");
    public string AudioOnlyM4a => Path("audio-only.m4a");
    public string Gif => Path("image.gif");

    /// <summary>A 16 kHz mono tone, 2 s long, at one of <see cref="ToneFrequencies"/>.</summary>
    public string Tone16k(int frequency) => Path($"tone{frequency}-16k.wav");

    public string Path(string name) => _directory.File(name);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var ramp = $"nullsrc=s=96x64:d={VideoSeconds}:r=25,geq=r='T*{RedPerSecond}':g='128':b='0'";
        var rampSound = $"sine=frequency=440:duration={VideoSeconds}";
        await Task.WhenAll(
            TestMedia.ToneAsync(Tone1000Wav, 1000, 3, ct, sampleRate: 44100, channels: 2),
            TestMedia.ToneAsync(Tone1000Mp3, 1000, 3, ct, sampleRate: 44100, channels: 2),
            TestMedia.ToneAsync(Tone1000Ogg, 1000, 3, ct, sampleRate: 44100, channels: 2),
            TestMedia.ToneAsync(Tone1000Flac, 1000, 3, ct, sampleRate: 44100, channels: 2),
            TestMedia.ToneAsync(LongTone, 440, 20, ct),
            Task.WhenAll(ToneFrequencies.Select(frequency => TestMedia.ToneAsync(Tone16k(frequency), frequency, 2, ct))),
            TestMedia.SpeechAsync(Speech, "a red shirt lies on a wooden table", ct),
            CommandLine.FfmpegAsync(ct, "-f", "lavfi", "-i", "color=c=red:s=8x8", "-frames:v", "1", Gif),
            RampsAsync(ramp, rampSound, ct),
            TestMedia.VideoAsync(RampWebm, ramp, rampSound, ct));
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The MP4 ramp and the files remuxed from it, which need it first.</summary>
    private async Task RampsAsync(string ramp, string rampSound, CancellationToken ct)
    {
        await TestMedia.VideoAsync(RampMp4, ramp, rampSound, ct);
        await Task.WhenAll(
            CommandLine.FfmpegAsync(ct, "-i", RampMp4, "-c", "copy", "-movflags", "+faststart", RampFastStartMp4),
            CommandLine.FfmpegAsync(ct, "-i", RampMp4, "-c", "copy", RampMkv),
            CommandLine.FfmpegAsync(ct, "-i", RampMp4, "-c", "copy", "-an", SilentMp4),
            CommandLine.FfmpegAsync(ct, "-i", RampMp4, "-c", "copy", "-vn", AudioOnlyM4a));
    }
}

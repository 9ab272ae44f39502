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

    private readonly TempDirectory _directory = new();

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
        var ramp = $"nullsrc=s=96x64:d={VideoSeconds}:r=25,geq=r='T*{RedPerSecond}':g='128':b='0'";
        await Task.WhenAll(
            Run(() => CommandLine.Ffmpeg("-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=3", "-ac", "2", Tone1000Wav)),
            Run(() => CommandLine.Ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=20", LongTone)),
            Run(() => CommandLine.Run("espeak-ng", "-v", "en-us", "-s", "150", "-w", Speech, "a red shirt lies on a wooden table")),
            Run(() => CommandLine.Ffmpeg("-f", "lavfi", "-i", "color=c=red:s=8x8", "-frames:v", "1", Gif)),
            Run(() =>
            {
                foreach (var frequency in ToneFrequencies)
                {
                    CommandLine.Ffmpeg("-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate=16000:duration=2", Tone16k(frequency));
                }
            }),
            Run(() =>
            {
                CommandLine.Ffmpeg("-f", "lavfi", "-i", ramp, "-f", "lavfi", "-i", $"sine=frequency=440:duration={VideoSeconds}",
                    "-shortest", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", RampMp4);
                CommandLine.Ffmpeg("-i", RampMp4, "-c", "copy", "-movflags", "+faststart", RampFastStartMp4);
                CommandLine.Ffmpeg("-i", RampMp4, "-c", "copy", RampMkv);
                CommandLine.Ffmpeg("-i", RampMp4, "-c", "copy", "-an", SilentMp4);
                CommandLine.Ffmpeg("-i", RampMp4, "-c", "copy", "-vn", AudioOnlyM4a);
            }),
            Run(() => CommandLine.Ffmpeg("-f", "lavfi", "-i", ramp, "-f", "lavfi", "-i", $"sine=frequency=440:duration={VideoSeconds}",
                "-shortest", "-c:v", "libvpx", "-b:v", "1M", "-c:a", "libvorbis", RampWebm)));
        await Task.WhenAll(
            Run(() => CommandLine.Ffmpeg("-i", Tone1000Wav, "-c:a", "libmp3lame", "-b:a", "64k", Tone1000Mp3)),
            Run(() => CommandLine.Ffmpeg("-i", Tone1000Wav, "-c:a", "libvorbis", Tone1000Ogg)),
            Run(() => CommandLine.Ffmpeg("-i", Tone1000Wav, Tone1000Flac)));
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Task Run(Action action) => Task.Run(action);
}

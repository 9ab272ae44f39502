using System.Globalization;

namespace Baize.TestSupport;

/// <summary>Real audio and video made with ffmpeg and espeak-ng; each method writes <c>path</c> and returns it.</summary>
public static class TestMedia
{
    /// <summary>
    /// A sine tone, by default 16 kHz mono (what the audio encoders take). The codec follows the extension: MP3 at
    /// 64 kb/s for .mp3, Vorbis for .ogg, otherwise the container's own (PCM for .wav, FLAC for .flac).
    /// </summary>
    public static async Task<string> ToneAsync(string path, int frequency, double seconds, CancellationToken cancellationToken, int sampleRate = 16000, int channels = 1)
    {
        string[] codec = Path.GetExtension(path) switch
        {
            ".mp3" => ["-c:a", "libmp3lame", "-b:a", "64k"],
            ".ogg" => ["-c:a", "libvorbis"],
            _ => [],
        };
        await CommandLine.FfmpegAsync(cancellationToken,
        [
            "-f", "lavfi", "-i", Invariant($"sine=frequency={frequency}:sample_rate={sampleRate}:duration={seconds}"),
            "-ac", Invariant($"{channels}"), .. codec, path,
        ]);
        return path;
    }

    /// <summary>espeak-ng speech (American English, 150 words a minute) as a WAV file.</summary>
    public static async Task<string> SpeechAsync(string path, string text, CancellationToken cancellationToken)
    {
        await CommandLine.RunAsync("espeak-ng", ["-v", "en-us", "-s", "150", "-w", path, text], cancellationToken);
        return path;
    }

    /// <summary>
    /// A video from the lavfi source <paramref name="video"/> (e.g. <c>testsrc=size=64x64:rate=8:duration=4</c>) with,
    /// when <paramref name="audio"/> is given, that lavfi source as its sound track, cut to the shorter of the two.
    /// The codecs follow the extension: VP8 and Vorbis for .webm, otherwise H.264 (yuv420p) and AAC (MP4, MKV).
    /// <paramref name="extra"/> output options go last, before the path.
    /// </summary>
    public static async Task<string> VideoAsync(string path, string video, string? audio, CancellationToken cancellationToken, params string[] extra)
    {
        var webm = Path.GetExtension(path) == ".webm";
        List<string> arguments = ["-f", "lavfi", "-i", video];
        if (audio is not null)
        {
            arguments.AddRange(["-f", "lavfi", "-i", audio, "-shortest"]);
        }

        arguments.AddRange(webm ? ["-c:v", "libvpx", "-b:v", "1M"] : ["-c:v", "libx264", "-pix_fmt", "yuv420p"]);
        if (audio is not null)
        {
            arguments.AddRange(["-c:a", webm ? "libvorbis" : "aac"]);
        }

        await CommandLine.FfmpegAsync(cancellationToken, [.. arguments, .. extra, path]);
        return path;
    }

    /// <summary>ffmpeg reads numbers with a dot, whatever the culture.</summary>
    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

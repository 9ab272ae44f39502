namespace Baize.SearchApi.Tests.Support;

/// <summary>A temporary folder of real media made with ffmpeg and espeak-ng; deleted on disposal.</summary>
internal sealed class MediaFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("baize-api-media-");

    public string Path(string name) => System.IO.Path.Combine(_folder.FullName, name);

    /// <summary>espeak-ng speech as a WAV file.</summary>
    public async Task<byte[]> SpeechAsync(string name, string text, CancellationToken cancellationToken)
    {
        await MediaTools.SpeakAsync(text, Path(name), cancellationToken);
        return await File.ReadAllBytesAsync(Path(name), cancellationToken);
    }

    /// <summary>A sine tone; the codec follows the file extension (WAV, MP3, OGG, FLAC).</summary>
    public async Task<byte[]> ToneAsync(string name, int frequency, double seconds, CancellationToken cancellationToken)
    {
        string[] codec = System.IO.Path.GetExtension(name) switch
        {
            ".mp3" => ["-c:a", "libmp3lame", "-b:a", "64k"],
            ".ogg" => ["-c:a", "libvorbis"],
            _ => [],
        };
        await MediaTools.FfmpegAsync(cancellationToken, ["-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate=44100:duration={seconds}", "-ac", "2", .. codec, Path(name)]);
        return await File.ReadAllBytesAsync(Path(name), cancellationToken);
    }

    /// <summary>
    /// An H.264 video from an ffmpeg lavfi <paramref name="source"/> (e.g. <c>testsrc=size=64x64:rate=8</c>), with a
    /// 440 Hz AAC sound track when <paramref name="withAudio"/>; the container follows the extension (MP4, MKV).
    /// </summary>
    public async Task<byte[]> VideoAsync(string name, string source, double seconds, bool withAudio, CancellationToken cancellationToken, params string[] extra)
    {
        List<string> arguments = ["-f", "lavfi", "-i", $"{source}:duration={seconds}"];
        if (withAudio)
        {
            arguments.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:duration={seconds}", "-shortest", "-c:a", "aac"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-pix_fmt", "yuv420p", .. extra, Path(name)]);
        await MediaTools.FfmpegAsync(cancellationToken, [.. arguments]);
        return await File.ReadAllBytesAsync(Path(name), cancellationToken);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}

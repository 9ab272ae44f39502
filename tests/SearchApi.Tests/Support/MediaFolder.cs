using Baize.TestSupport;

namespace Baize.SearchApi.Tests.Support;

/// <summary>A temporary folder of real media made with ffmpeg and espeak-ng, read back as bytes to upload; deleted on disposal.</summary>
internal sealed class MediaFolder : IDisposable
{
    private readonly TempDirectory _folder = new("baize-api-media-");

    public string Path(string name) => _folder.File(name);

    /// <summary>espeak-ng speech as a WAV file.</summary>
    public async Task<byte[]> SpeechAsync(string name, string text, CancellationToken cancellationToken) =>
        await File.ReadAllBytesAsync(await TestMedia.SpeechAsync(Path(name), text, cancellationToken), cancellationToken);

    /// <summary>A 44.1 kHz stereo sine tone; the codec follows the file extension (WAV, MP3, OGG, FLAC).</summary>
    public async Task<byte[]> ToneAsync(string name, int frequency, double seconds, CancellationToken cancellationToken) =>
        await File.ReadAllBytesAsync(await TestMedia.ToneAsync(Path(name), frequency, seconds, cancellationToken, sampleRate: 44100, channels: 2), cancellationToken);

    /// <summary>
    /// An H.264 video from an ffmpeg lavfi <paramref name="source"/> (e.g. <c>testsrc=size=64x64:rate=8</c>), with a
    /// 440 Hz AAC sound track when <paramref name="withAudio"/>; the container follows the extension (MP4, MKV).
    /// </summary>
    public async Task<byte[]> VideoAsync(string name, string source, double seconds, bool withAudio, CancellationToken cancellationToken, params string[] extra)
    {
        var audio = withAudio ? FormattableString.Invariant($"sine=frequency=440:duration={seconds}") : null;
        var path = await TestMedia.VideoAsync(Path(name), FormattableString.Invariant($"{source}:duration={seconds}"), audio, cancellationToken, extra);
        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    public void Dispose() => _folder.Dispose();
}

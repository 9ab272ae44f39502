namespace Baize.Embedding.Media;

/// <summary>
/// Limits and tool locations for decoding untrusted media. These belong to the deployment, not to a
/// model, so they are not part of the manifest.
/// </summary>
public sealed record MediaDecodeOptions
{
    public static MediaDecodeOptions Default { get; } = new();

    /// <summary>Largest accepted input file.</summary>
    public long MaxFileBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Largest accepted image or video frame (width × height), checked before any pixel is decoded.</summary>
    public long MaxPixels { get; init; } = 40_000_000;

    /// <summary>Largest decoder output read from ffmpeg (16 kHz mono float PCM is 64 KiB per second).</summary>
    public long MaxDecodedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Wall-clock limit for one ffmpeg or ffprobe run.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public string FfmpegPath { get; init; } = "ffmpeg";

    public string FfprobePath { get; init; } = "ffprobe";
}

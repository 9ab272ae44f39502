namespace Baize.Embedding.Media;

/// <summary>The checks every media file passes before a decoder sees it: present, not empty, not too large, a known signature.</summary>
internal static class MediaFile
{
    public static MediaFormat Inspect(string path, string kind, IReadOnlyCollection<MediaFormat> accepted, MediaDecodeOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException($"{kind} file '{path}' does not exist.", path);
        }

        var name = Describe(path, kind);
        if (info.Length == 0)
        {
            throw new MediaDecodeException(MediaDecodeReason.Empty, $"{name} is empty.");
        }

        if (info.Length > options.MaxFileBytes)
        {
            throw new MediaDecodeException(MediaDecodeReason.TooLarge, $"{name} has {info.Length} bytes; the limit is {options.MaxFileBytes}.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        Span<byte> header = stackalloc byte[MediaFormatDetector.HeaderLength];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        var format = MediaFormatDetector.Detect(header[..read]);
        if (format is null)
        {
            throw new MediaDecodeException(MediaDecodeReason.UnsupportedFormat, $"{name} is not a recognised {kind} file; accepted formats: {string.Join(", ", accepted)}.");
        }

        if (!accepted.Contains(format.Value))
        {
            throw new MediaDecodeException(MediaDecodeReason.UnsupportedFormat, $"{name} is {format.Value}, which is not accepted as {kind}; accepted formats: {string.Join(", ", accepted)}.");
        }

        if (format == MediaFormat.Wav && WavHeader.DataExtendsPastEnd(stream))
        {
            // ffmpeg decodes a cut-off WAV without complaint, so the declared data size is checked here.
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{name} is truncated: its data chunk is longer than the file.");
        }

        return format.Value;
    }

    /// <summary>Names a file in messages by its file name only: messages may reach API clients, server paths should not.</summary>
    public static string Describe(string path, string kind) => $"{kind} '{Path.GetFileName(path)}'";
}

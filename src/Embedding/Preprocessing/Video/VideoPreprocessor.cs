using System.Globalization;
using Baize.Embedding.Media;

namespace Baize.Embedding.Preprocessing.Video;

/// <summary>
/// Samples frames from MP4, WebM or MKV with ffmpeg into the video encoder's input [frames, 3, size, size].
/// Over a clip (or window) of length W, frame k is the last decoded frame at or before start + (k + ½)·W / frames
/// (ffmpeg's fps filter), scaled aspect-preserving and centre-cropped to size × size, then normalised per
/// channel like images. Thread-safe.
/// </summary>
public sealed class VideoPreprocessor
{
    private const string Kind = "video";

    private static readonly MediaFormat[] AcceptedFormats = [MediaFormat.Mp4, MediaFormat.Matroska];

    private readonly ChannelNormalization _normalization;
    private readonly MediaDecodeOptions _options;

    public VideoPreprocessor(VideoPreprocessing parameters, MediaDecodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.FrameCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters.Size, 1);
        Parameters = parameters;
        _normalization = new ChannelNormalization(parameters.Mean, parameters.Std);
        _options = options ?? MediaDecodeOptions.Default;
    }

    public VideoPreprocessing Parameters { get; }

    /// <summary>Floats per clip: frames × 3 × size × size.</summary>
    public int OutputLength => Parameters.FrameCount * FrameLength;

    private int FrameLength => 3 * Parameters.Size * Parameters.Size;

    /// <summary>Container, duration and streams, for planning windows over a long video.</summary>
    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken = default)
    {
        var format = MediaFile.Inspect(path, Kind, AcceptedFormats, _options);
        return await MediaProbe.ProbeAsync(path, format, MediaFile.Describe(path, Kind), _options, cancellationToken);
    }

    /// <summary>Frames sampled over the whole video.</summary>
    public Task<float[]> PreprocessAsync(string path, CancellationToken cancellationToken = default) =>
        SampleAsync(path, info: null, window: null, cancellationToken);

    /// <summary>Frames sampled over [start, end) of the video; a window running past the end is cut to it.</summary>
    public Task<float[]> PreprocessAsync(string path, TimeWindow window, CancellationToken cancellationToken = default) =>
        SampleAsync(path, info: null, window, cancellationToken);

    /// <summary>Frames sampled over [start, end) of a video probed earlier with <see cref="ProbeAsync"/>: cutting a long
    /// video into windows then costs one ffprobe in all instead of one per window.</summary>
    public Task<float[]> PreprocessAsync(string path, MediaInfo info, TimeWindow window, CancellationToken cancellationToken = default) =>
        SampleAsync(path, info ?? throw new ArgumentNullException(nameof(info)), window, cancellationToken);

    private async Task<float[]> SampleAsync(string path, MediaInfo? info, TimeWindow? window, CancellationToken cancellationToken)
    {
        var format = MediaFile.Inspect(path, Kind, AcceptedFormats, _options);
        var subject = MediaFile.Describe(path, Kind);
        info ??= await MediaProbe.ProbeAsync(path, format, subject, _options, cancellationToken);
        var stream = info.Video ?? throw new MediaDecodeException(MediaDecodeReason.MissingStream, $"{subject} has no video stream.");
        if ((long)stream.Width * stream.Height > _options.MaxPixels)
        {
            throw new MediaDecodeException(MediaDecodeReason.TooLarge, $"{subject} is {stream.Width}x{stream.Height} pixels per frame; the limit is {_options.MaxPixels} pixels.");
        }

        var duration = stream.Duration ?? info.Duration
            ?? throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} does not declare its duration.");
        var requested = window ?? new TimeWindow(TimeSpan.Zero, duration);
        var span = requested.ClipTo(duration)
            ?? throw new ArgumentOutOfRangeException(nameof(window), $"The window starts at {requested.Start.TotalSeconds} s, after the end of {subject} ({duration.TotalSeconds} s).");

        var frames = await DecodeFramesAsync(format, path, span, subject, cancellationToken);
        var output = new float[OutputLength];
        var pixels = Parameters.Size * Parameters.Size;
        for (var k = 0; k < Parameters.FrameCount; k++)
        {
            // A window that ends within a frame of the stream's end can come up one frame short: repeat the last one.
            var source = Math.Min(k, frames.Count - 1);
            _normalization.WritePlanar(frames[source].Span, bytesPerPixel: 3, pixels, output.AsSpan(k * FrameLength, FrameLength));
        }

        return output;
    }

    private async Task<IReadOnlyList<ReadOnlyMemory<byte>>> DecodeFramesAsync(MediaFormat format, string path, TimeWindow span, string subject, CancellationToken cancellationToken)
    {
        var p = Parameters;
        var rate = (p.FrameCount / span.Length.TotalSeconds).ToString("R", CultureInfo.InvariantCulture);
        var filters = $"fps={rate},scale={p.Size}:{p.Size}:force_original_aspect_ratio=increase:flags=area,crop={p.Size}:{p.Size}";
        var arguments = FfmpegInput.Arguments(format, path, span);

        // 0:V:0 is the first video stream that is not cover art.
        arguments.AddRange(["-map", "0:V:0", "-an", "-sn", "-dn", "-vf", filters, "-frames:v", $"{p.FrameCount}", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);
        var frameBytes = p.Size * p.Size * 3;
        var tool = new ExternalTool(_options.FfmpegPath, "ffmpeg");
        var result = await ExternalProcess.RunAsync(tool, arguments, (long)frameBytes * p.FrameCount, _options.ToolTimeout, subject, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} cannot be decoded: {MediaProbe.FirstLine(result.Errors, path)}");
        }

        var count = result.Output.Length / frameBytes;
        if (count < p.FrameCount - 1 || count == 0)
        {
            throw new MediaDecodeException(
                MediaDecodeReason.Corrupt,
                $"{subject} yields {count} of {p.FrameCount} frames over {span.Start.TotalSeconds:0.##}–{span.End.TotalSeconds:0.##} s; it is truncated or damaged.");
        }

        return [.. Enumerable.Range(0, count).Select(i => result.Output.Slice(i * frameBytes, frameBytes))];
    }
}

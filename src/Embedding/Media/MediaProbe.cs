using System.Globalization;
using System.Text.Json;

namespace Baize.Embedding.Media;

/// <summary>Runs ffprobe, forced to the demuxer of the detected format, and reads its JSON report.</summary>
internal static class MediaProbe
{
    private const long MaxReportBytes = 1024 * 1024;

    public static async Task<MediaInfo> ProbeAsync(string path, MediaFormat format, string subject, MediaDecodeOptions options, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-v", "error", "-hide_banner",
            "-protocol_whitelist", "file",
            "-f", MediaFormatDetector.FfmpegDemuxer(format),
            "-show_entries", "format=duration:stream=codec_type,codec_name,width,height,nb_frames,avg_frame_rate,sample_rate,channels,duration:stream_disposition=attached_pic:stream_tags=DURATION",
            "-of", "json",
            "file:" + Path.GetFullPath(path),
        ];
        var tool = new ExternalTool(options.FfprobePath, "ffmpeg");
        var result = await ExternalProcess.RunAsync(tool, arguments, MaxReportBytes, options.ToolTimeout, subject, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject} could not be read as {format}: {FirstLine(result.Errors, path)}");
        }

        try
        {
            using var report = JsonDocument.Parse(result.Output);
            return Parse(report.RootElement, format);
        }
        catch (JsonException ex)
        {
            throw new MediaDecodeException(MediaDecodeReason.Corrupt, $"{subject}: ffprobe gave an unreadable report.", ex);
        }
    }

    /// <summary>ffmpeg's errors can run to many lines; the first one names the problem. It quotes the input's full
    /// path, which is the server's business, so only the file name is kept.</summary>
    public static string FirstLine(string errors, string path)
    {
        var line = errors.Split('\n', 2)[0].Trim();
        line = line.Replace(Path.GetFullPath(path), Path.GetFileName(path), StringComparison.Ordinal);
        return line.Length == 0 ? "no error message" : line;
    }

    private static MediaInfo Parse(JsonElement report, MediaFormat format)
    {
        AudioStreamInfo? audio = null;
        VideoStreamInfo? video = null;
        double? longestStream = null;
        if (report.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var codec = Text(stream, "codec_name") ?? "unknown";
                switch (Text(stream, "codec_type"))
                {
                    case "audio" when audio is null:
                        audio = new AudioStreamInfo(codec, (int)(Number(stream, "sample_rate") ?? 0), (int)(Number(stream, "channels") ?? 0), StreamDuration(stream));
                        break;
                    case "video" when video is null && !IsAttachedPicture(stream):
                        video = new VideoStreamInfo(
                            codec,
                            (int)(Number(stream, "width") ?? 0),
                            (int)(Number(stream, "height") ?? 0),
                            (long?)Number(stream, "nb_frames"),
                            Rate(Text(stream, "avg_frame_rate")),
                            StreamDuration(stream));
                        break;
                    default:
                        continue;
                }

                longestStream = Math.Max(longestStream ?? 0, Number(stream, "duration") ?? 0);
            }
        }

        var duration = report.TryGetProperty("format", out var container) ? Number(container, "duration") : null;
        duration ??= longestStream is > 0 ? longestStream : null;
        return new MediaInfo(format, duration is > 0 ? TimeSpan.FromSeconds(duration.Value) : null, audio, video);
    }

    /// <summary>MP4 gives a stream's duration directly; Matroska only as a "DURATION" tag (hh:mm:ss.fffffffff).</summary>
    private static TimeSpan? StreamDuration(JsonElement stream)
    {
        if (Number(stream, "duration") is > 0 and var seconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        var tag = stream.TryGetProperty("tags", out var tags) ? Text(tags, "DURATION") : null;
        var dot = tag?.IndexOf('.', StringComparison.Ordinal) ?? -1;

        // TimeSpan parses at most seven fractional digits.
        var trimmed = dot >= 0 && tag!.Length > dot + 8 ? tag[..(dot + 8)] : tag;
        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var parsed) && parsed > TimeSpan.Zero ? parsed : null;
    }

    /// <summary>Cover art in audio files shows up as a one-frame video stream; it is not video.</summary>
    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition)
        && disposition.TryGetProperty("attached_pic", out var flag)
        && flag.ValueKind == JsonValueKind.Number
        && flag.GetInt32() == 1;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>ffprobe writes most numbers as strings, and "N/A" when it does not know.</summary>
    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDouble();
        }

        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed)
            ? parsed
            : null;
    }

    private static double? Rate(string? fraction)
    {
        var parts = fraction?.Split('/');
        return parts is [var numerator, var denominator]
            && double.TryParse(numerator, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            && double.TryParse(denominator, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && n > 0 && d > 0
            ? n / d
            : null;
    }
}

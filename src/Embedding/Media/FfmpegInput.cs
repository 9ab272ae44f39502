using System.Globalization;

namespace Baize.Embedding.Media;

/// <summary>The input half of every ffmpeg decode command, with the safety options in one place.</summary>
internal static class FfmpegInput
{
    public static List<string> Arguments(MediaFormat format, string path, TimeWindow? window)
    {
        List<string> arguments =
        [
            "-nostdin", "-hide_banner", "-v", "error",

            // Stop at the first damaged packet instead of concealing it: damage is reported as Corrupt.
            "-xerror",

            // Plain local files only, and the demuxer the signature named, so the input cannot open anything else.
            "-protocol_whitelist", "file",
            "-f", MediaFormatDetector.FfmpegDemuxer(format),
        ];
        if (window is { } w)
        {
            // Before -i these seek the input and bound how much of it is read.
            arguments.AddRange(["-ss", Seconds(w.Start), "-t", Seconds(w.Length)]);
        }

        arguments.AddRange(["-i", "file:" + Path.GetFullPath(path)]);
        return arguments;
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);
}

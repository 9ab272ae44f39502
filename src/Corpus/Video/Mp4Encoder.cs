using System.Globalization;
using Baize.Corpus.Processes;
using Baize.Corpus.Rendering;

namespace Baize.Corpus.Video;

/// <summary>Encodes rgb24 frames to H.264/yuv420p MP4 by piping them into ffmpeg.</summary>
internal static class Mp4Encoder
{
    public static Task EncodeAsync(string path, ReadOnlyMemory<byte> rgb24Frames, int framesPerSecond, CancellationToken ct) =>
        ExternalTool.RunAsync(
            "ffmpeg",
            [
                "-hide_banner", "-loglevel", "error", "-nostdin",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", $"{Frame.Side}x{Frame.Side}",
                "-r", framesPerSecond.ToString(CultureInfo.InvariantCulture), "-i", "pipe:0",
                "-c:v", "libx264", "-preset", "medium", "-crf", "18", "-pix_fmt", "yuv420p",
                // One encoder thread and bit-exact flags keep the bytes identical from run to run;
                // the generator already runs one encode per core.
                "-threads", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact",
                "-movflags", "+faststart", "-y", path,
            ],
            rgb24Frames,
            ct);
}

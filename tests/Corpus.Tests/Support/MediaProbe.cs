using System.Buffers.Binary;
using System.Diagnostics;

namespace Baize.Corpus.Tests.Support;

/// <summary>Decodes generated media with independent tools: ffprobe for MP4, the RIFF header for WAV.</summary>
internal static class MediaProbe
{
    /// <summary>Codec, size, pixel format and decoded frame count of the first video stream.</summary>
    public static async Task<Dictionary<string, string>> ProbeVideoAsync(string path, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,pix_fmt,nb_read_frames", "-of", "default=noprint_wrappers=1", path,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"ffprobe failed on {path}: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
    }

    /// <summary>Sample rate, channels, bits per sample and duration of a canonical 44-byte-header WAV.</summary>
    public static (int SampleRate, int Channels, int Bits, double Seconds, int Peak) ReadWav(string path)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        Assert.True(bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..16].SequenceEqual("WAVEfmt "u8), $"{path} is not a WAV file");
        Assert.True(bytes[36..40].SequenceEqual("data"u8), $"{path} has no data chunk where expected");
        var channels = BinaryPrimitives.ReadInt16LittleEndian(bytes[22..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        var bits = BinaryPrimitives.ReadInt16LittleEndian(bytes[34..]);
        var dataLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[40..]);
        Assert.Equal(bytes.Length - 44, dataLength);
        var peak = 0;
        for (var offset = 44; offset < bytes.Length; offset += 2)
        {
            peak = Math.Max(peak, Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(bytes[offset..])));
        }

        return (rate, channels, bits, dataLength / (double)(rate * channels * bits / 8), peak);
    }
}

using SkiaSharp;

namespace Baize.Indexer.Tests.Support;

/// <summary>Real media for indexing: PNGs drawn with SkiaSharp, tones and clips made by ffmpeg.</summary>
internal static class TestMedia
{
    /// <summary>A small PNG, different for every <paramref name="seed"/>: a coloured background with a square.</summary>
    public static byte[] Png(int seed, int size = 48)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
            using var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) };
            var side = size / 2f;
            canvas.DrawRect(random.Next(size / 2), random.Next(size / 2), side, side, paint);
            bitmap.SetPixel(0, 0, new SKColor((byte)(seed & 0xFF), (byte)((seed >> 8) & 0xFF), 7));
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A 16 kHz mono sine WAV.</summary>
    public static async Task<string> ToneWavAsync(string path, int frequency, double seconds, CancellationToken cancellationToken)
    {
        await CommandLine.FfmpegAsync(cancellationToken, "-f", "lavfi", "-i", Invariant($"sine=frequency={frequency}:sample_rate=16000:duration={seconds}"), "-ac", "1", path);
        return path;
    }

    /// <summary>An MP4 with a moving test pattern (64x64, 10 fps) and, when <paramref name="toneFrequency"/> is given, a sine sound track.</summary>
    public static async Task<string> ClipMp4Async(string path, double seconds, int? toneFrequency, CancellationToken cancellationToken, int pattern = 0)
    {
        List<string> arguments = ["-f", "lavfi", "-i", Invariant($"testsrc=size=64x64:rate=10:duration={seconds},hue=h={pattern * 37 % 360}")];
        if (toneFrequency is { } frequency)
        {
            arguments.AddRange(["-f", "lavfi", "-i", Invariant($"sine=frequency={frequency}:sample_rate=16000:duration={seconds}"), "-c:a", "aac", "-shortest"]);
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path]);
        await CommandLine.FfmpegAsync(cancellationToken, [.. arguments]);
        return path;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

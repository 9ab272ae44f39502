using SkiaSharp;

namespace Baize.Corpus.Rendering;

/// <summary>Encodes a 64x64 rgb24 frame as an opaque PNG (Skia stores opaque images as 8-bit RGB).</summary>
internal static class PngEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> rgb24)
    {
        var rgba = new byte[Frame.Side * Frame.Side * 4];
        for (int source = 0, target = 0; source < rgb24.Length; source += 3, target += 4)
        {
            rgba[target] = rgb24[source];
            rgba[target + 1] = rgb24[source + 1];
            rgba[target + 2] = rgb24[source + 2];
            rgba[target + 3] = byte.MaxValue;
        }

        var info = new SKImageInfo(Frame.Side, Frame.Side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var image = SKImage.FromPixelCopy(info, rgba);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}

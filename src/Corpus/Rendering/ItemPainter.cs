using System.Numerics;
using Baize.Corpus.Mnist;

namespace Baize.Corpus.Rendering;

/// <summary>
/// Draws a grey Fashion-MNIST image, bilinearly scaled, as a coloured item. The grey value shades the colour
/// (keeping the garment's texture) and sets its coverage, so the black image background stays clear. Coverage
/// saturates early and shading has a floor, so dark garments (black sneakers) still show their colour.
/// </summary>
internal static class ItemPainter
{
    private const float CoverageGain = 5f;
    private const float ShadeFloor = 0.55f;

    public static void Draw(float[] frame, ReadOnlySpan<byte> image, Rgb colour, Vector2 centre, float size)
    {
        var scale = FashionMnistImages.Side / size;
        var left = Math.Max(0, (int)MathF.Floor(centre.X - (size / 2f)));
        var right = Math.Min(Frame.Side - 1, (int)MathF.Ceiling(centre.X + (size / 2f)));
        var top = Math.Max(0, (int)MathF.Floor(centre.Y - (size / 2f)));
        var bottom = Math.Min(Frame.Side - 1, (int)MathF.Ceiling(centre.Y + (size / 2f)));
        for (var y = top; y <= bottom; y++)
        {
            var v = ((y + 0.5f - centre.Y) * scale) + (FashionMnistImages.Side / 2f) - 0.5f;
            for (var x = left; x <= right; x++)
            {
                var u = ((x + 0.5f - centre.X) * scale) + (FashionMnistImages.Side / 2f) - 0.5f;
                var grey = Sample(image, u, v);
                if (grey <= 0f)
                {
                    continue;
                }

                var coverage = MathF.Min(1f, grey * CoverageGain);
                var shaded = colour.Scale(ShadeFloor + ((1f - ShadeFloor) * grey));
                var offset = ((y * Frame.Side) + x) * Frame.Channels;
                frame[offset] += (shaded.R - frame[offset]) * coverage;
                frame[offset + 1] += (shaded.G - frame[offset + 1]) * coverage;
                frame[offset + 2] += (shaded.B - frame[offset + 2]) * coverage;
            }
        }
    }

    private static float Sample(ReadOnlySpan<byte> image, float u, float v)
    {
        var u0 = (int)MathF.Floor(u);
        var v0 = (int)MathF.Floor(v);
        var fu = u - u0;
        var fv = v - v0;
        var top = (Pixel(image, u0, v0) * (1f - fu)) + (Pixel(image, u0 + 1, v0) * fu);
        var bottom = (Pixel(image, u0, v0 + 1) * (1f - fu)) + (Pixel(image, u0 + 1, v0 + 1) * fu);
        return ((top * (1f - fv)) + (bottom * fv)) / 255f;
    }

    private static float Pixel(ReadOnlySpan<byte> image, int u, int v) =>
        u is < 0 or >= FashionMnistImages.Side || v is < 0 or >= FashionMnistImages.Side ? 0f : image[(v * FashionMnistImages.Side) + u];
}

using Baize.Corpus.Mnist;

namespace Baize.Corpus.Rendering;

/// <summary>Composes the frame of a sample at time t (0 = first frame, 1 = last frame) as rgb24 bytes.</summary>
internal static class FramePainter
{
    public static void Paint(
        float[] background,
        IReadOnlyList<ItemTrack> items,
        FashionMnistImages images,
        float t,
        Span<byte> destination)
    {
        var frame = (float[])background.Clone();
        foreach (var track in items)
        {
            ItemPainter.Draw(frame, images.Image(track.ImageIndex), Palette.Colour(track.Item.Colour), track.CentreAt(t), track.SizeAt(t));
        }

        Frame.ToRgb24(frame, destination);
    }
}

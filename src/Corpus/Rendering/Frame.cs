namespace Baize.Corpus.Rendering;

/// <summary>Frame geometry shared by scenes and clips.</summary>
internal static class Frame
{
    public const int Side = 64;
    public const int Channels = 3;
    public const int ValuesPerFrame = Side * Side * Channels;

    /// <summary>Quantises a linear 0..1 RGB float frame to packed rgb24 bytes.</summary>
    public static void ToRgb24(ReadOnlySpan<float> frame, Span<byte> destination)
    {
        for (var i = 0; i < ValuesPerFrame; i++)
        {
            destination[i] = (byte)Math.Clamp(MathF.Round(frame[i] * 255f), 0f, 255f);
        }
    }
}

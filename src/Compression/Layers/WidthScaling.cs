namespace Baize.Compression.Layers;

/// <summary>Rounds a scaled layer width, keeping at least one channel so every layer still exists.</summary>
public static class WidthScaling
{
    public static int Scale(int width, double widthFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(widthFactor);
        return Math.Max(1, (int)Math.Round(width * widthFactor, MidpointRounding.AwayFromZero));
    }
}

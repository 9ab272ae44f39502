namespace Baize.Embedding.Preprocessing;

/// <summary>
/// Converts interleaved 8-bit RGB(A) pixels to planar (CHW) floats, <c>(value / 255 − mean[c]) / std[c]</c>.
/// Shared by images and video frames so both see identical pixel statistics.
/// </summary>
internal sealed class ChannelNormalization
{
    private const int Channels = 3;

    private readonly float[] _scale = new float[Channels];
    private readonly float[] _offset = new float[Channels];

    public ChannelNormalization(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count != Channels || std.Count != Channels)
        {
            throw new ArgumentException($"Mean and std need exactly {Channels} values (R, G, B).");
        }

        for (var c = 0; c < Channels; c++)
        {
            if (!(std[c] > 0) || !float.IsFinite(mean[c]) || !float.IsFinite(std[c]))
            {
                throw new ArgumentException($"Channel {c}: std must be positive and mean and std finite.");
            }

            // Folded into one multiply-add per value.
            _scale[c] = 1f / (255f * std[c]);
            _offset[c] = -mean[c] / std[c];
        }
    }

    /// <summary>Reads <paramref name="pixelCount"/> pixels of <paramref name="bytesPerPixel"/> bytes (R, G, B first) into three planes.</summary>
    public void WritePlanar(ReadOnlySpan<byte> interleaved, int bytesPerPixel, int pixelCount, Span<float> planes)
    {
        if (interleaved.Length < pixelCount * bytesPerPixel || planes.Length != Channels * pixelCount)
        {
            throw new ArgumentException("Pixel buffer sizes do not match the pixel count.");
        }

        for (var c = 0; c < Channels; c++)
        {
            var plane = planes.Slice(c * pixelCount, pixelCount);
            var scale = _scale[c];
            var offset = _offset[c];
            for (var i = 0; i < pixelCount; i++)
            {
                plane[i] = (interleaved[(i * bytesPerPixel) + c] * scale) + offset;
            }
        }
    }
}

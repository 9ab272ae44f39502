namespace Baize.Compression.Training;

/// <summary>Mean and standard deviation per channel of raw model inputs, measured on the training split and written to the manifest.</summary>
public sealed record InputStatistics(float[] Mean, float[] Std)
{
    /// <param name="channels">Channels per item (3 for RGB, 1 for a spectrogram).</param>
    /// <param name="planeLength">Values in one channel plane (64 × 64 for an image).</param>
    /// <param name="parts">Arrays of whole items laid out as [..., channel, plane]: channel c's planes are every
    /// <paramref name="channels"/>-th one. Several arrays are measured as one, without copying them together.</param>
    public static InputStatistics Measure(int channels, int planeLength, params float[][] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sums = new double[channels];
        var squares = new double[channels];
        long total = 0;
        foreach (var values in parts)
        {
            if (values.Length == 0 || values.Length % (channels * planeLength) != 0)
            {
                throw new ArgumentException($"{values.Length} values do not split into planes of {channels} x {planeLength}.", nameof(parts));
            }

            var plane = 0;
            for (var start = 0; start < values.Length; start += planeLength, plane++)
            {
                var channel = plane % channels;
                foreach (var value in values.AsSpan(start, planeLength))
                {
                    sums[channel] += value;
                    squares[channel] += (double)value * value;
                }
            }

            total += values.Length;
        }

        var count = (double)total / channels;
        var mean = new float[channels];
        var std = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var m = sums[c] / count;
            mean[c] = (float)m;
            std[c] = (float)Math.Sqrt(Math.Max((squares[c] / count) - (m * m), 1e-12));
        }

        return new InputStatistics(mean, std);
    }

    /// <summary>Normalises in place: (x − mean[c]) / std[c] for every plane of channel c.</summary>
    public void Apply(float[] values, int planeLength)
    {
        ArgumentNullException.ThrowIfNull(values);
        var channels = Mean.Length;
        var plane = 0;
        for (var start = 0; start < values.Length; start += planeLength, plane++)
        {
            var channel = plane % channels;
            var span = values.AsSpan(start, planeLength);
            System.Numerics.Tensors.TensorPrimitives.Subtract(span, Mean[channel], span);
            System.Numerics.Tensors.TensorPrimitives.Divide(span, Std[channel], span);
        }
    }
}

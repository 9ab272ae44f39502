namespace Baize.Compression.Layers;

/// <summary>
/// A <see cref="ResidualCnn"/>: a 3x3 stem convolution of <paramref name="StemWidth"/> channels at
/// <paramref name="StemStride"/>, then <paramref name="Stages"/>.
/// </summary>
public sealed record ResidualCnnConfig(int InputChannels, int StemWidth, int StemStride, IReadOnlyList<ResidualStageConfig> Stages)
{
    /// <summary>Channels of the final feature map: the last stage's width.</summary>
    public int OutputWidth => Stages.Count == 0 ? StemWidth : Stages[^1].Width;

    /// <summary>Height and width of the final feature map for an input of <paramref name="height"/> x <paramref name="width"/>.</summary>
    public (int Height, int Width) OutputSize(int height, int width)
    {
        height = LayerCosts.Downsample(height, StemStride);
        width = LayerCosts.Downsample(width, StemStride);
        foreach (var stage in Stages)
        {
            height = LayerCosts.Downsample(height, stage.Stride);
            width = LayerCosts.Downsample(width, stage.Stride);
        }

        return (height, width);
    }

    public long ParameterCount()
    {
        var count = LayerCosts.ConvBatchNormParameters(InputChannels, StemWidth, 3);
        var channels = StemWidth;
        foreach (var stage in Stages)
        {
            count += stage.ParameterCount(channels);
            channels = stage.Width;
        }

        return count;
    }

    /// <summary>MACs for one input of <paramref name="height"/> x <paramref name="width"/> pixels.</summary>
    public long Macs(int height, int width)
    {
        height = LayerCosts.Downsample(height, StemStride);
        width = LayerCosts.Downsample(width, StemStride);
        var macs = LayerCosts.ConvMacs(InputChannels, StemWidth, 9, (long)height * width);
        var channels = StemWidth;
        foreach (var stage in Stages)
        {
            macs += stage.Macs(channels, height, width);
            height = LayerCosts.Downsample(height, stage.Stride);
            width = LayerCosts.Downsample(width, stage.Stride);
            channels = stage.Width;
        }

        return macs;
    }

    /// <summary>Every width (stem, stage and inner) multiplied by <paramref name="widthFactor"/>; depth and strides unchanged.</summary>
    public ResidualCnnConfig Scaled(double widthFactor)
    {
        return this with
        {
            StemWidth = WidthScaling.Scale(StemWidth, widthFactor),
            Stages = [.. Stages.Select(stage => stage.Scaled(widthFactor))],
        };
    }
}

namespace Baize.Compression.Layers;

/// <summary>
/// One stage of a <see cref="ResidualCnn"/>: residual blocks at one resolution that all output <paramref name="Width"/>
/// channels. The first block applies <paramref name="Stride"/>; block i's inner (first) convolution has
/// <c>BlockInnerWidths[i]</c> channels, which is the width pruning removes within a block.
/// </summary>
public sealed record ResidualStageConfig(int Width, int Stride, IReadOnlyList<int> BlockInnerWidths)
{
    /// <summary>Whether the first block needs a 1x1 projection shortcut, which decouples this stage's width from its input's.</summary>
    public bool Projects(int inChannels)
    {
        return ResidualBlock.NeedsProjection(inChannels, Width, Stride);
    }

    internal long ParameterCount(int inChannels)
    {
        var count = 0L;
        var channels = inChannels;
        for (var i = 0; i < BlockInnerWidths.Count; i++)
        {
            var stride = i == 0 ? Stride : 1;
            count += LayerCosts.ConvBatchNormParameters(channels, BlockInnerWidths[i], 3);
            count += LayerCosts.ConvBatchNormParameters(BlockInnerWidths[i], Width, 3);
            if (ResidualBlock.NeedsProjection(channels, Width, stride))
            {
                count += LayerCosts.ConvBatchNormParameters(channels, Width, 1);
            }

            channels = Width;
        }

        return count;
    }

    /// <summary>MACs of the stage on an input of <paramref name="inChannels"/> x <paramref name="height"/> x <paramref name="width"/>.</summary>
    internal long Macs(int inChannels, int height, int width)
    {
        var positions = (long)LayerCosts.Downsample(height, Stride) * LayerCosts.Downsample(width, Stride);
        var macs = 0L;
        var channels = inChannels;
        for (var i = 0; i < BlockInnerWidths.Count; i++)
        {
            var stride = i == 0 ? Stride : 1;
            macs += LayerCosts.ConvMacs(channels, BlockInnerWidths[i], 9, positions);
            macs += LayerCosts.ConvMacs(BlockInnerWidths[i], Width, 9, positions);
            if (ResidualBlock.NeedsProjection(channels, Width, stride))
            {
                macs += LayerCosts.ConvMacs(channels, Width, 1, positions);
            }

            channels = Width;
        }

        return macs;
    }

    internal ResidualStageConfig Scaled(double widthFactor)
    {
        return new ResidualStageConfig(
            WidthScaling.Scale(Width, widthFactor),
            Stride,
            [.. BlockInnerWidths.Select(inner => WidthScaling.Scale(inner, widthFactor))]);
    }
}

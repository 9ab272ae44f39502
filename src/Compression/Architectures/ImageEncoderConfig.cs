using Baize.Compression.Layers;

namespace Baize.Compression.Architectures;

/// <summary>Every width of an <see cref="ImageEncoder"/>: its residual CNN and the projection head's hidden units.</summary>
public sealed record ImageEncoderConfig(ResidualCnnConfig Backbone, int HeadHiddenUnits)
{
    /// <summary>
    /// The production teacher: 3x3 stem of 32 channels at full resolution, then one basic block per stage at
    /// 32/64/128/128 channels, each halving the map (64 → 4x4), then a 256-unit projection head.
    /// </summary>
    public static ImageEncoderConfig Teacher()
    {
        ResidualStageConfig[] stages = [new(32, 2, [32]), new(64, 2, [64]), new(128, 2, [128]), new(128, 2, [128])];
        return new ImageEncoderConfig(new ResidualCnnConfig(EncoderContract.ImageChannels, 32, 1, stages), 256);
    }

    /// <summary>The uniformly thinned family: every width times <paramref name="widthFactor"/> (0.5 gives about 4x fewer parameters).</summary>
    public ImageEncoderConfig Scaled(double widthFactor)
    {
        return new ImageEncoderConfig(Backbone.Scaled(widthFactor), WidthScaling.Scale(HeadHiddenUnits, widthFactor));
    }

    public long ParameterCount()
    {
        return Backbone.ParameterCount()
            + ProjectionHead.ParameterCount(Backbone.OutputWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }

    public long MacsPerItem()
    {
        return Backbone.Macs(EncoderContract.ImageSize, EncoderContract.ImageSize)
            + ProjectionHead.Macs(Backbone.OutputWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }
}

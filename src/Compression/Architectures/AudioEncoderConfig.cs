using Baize.Compression.Layers;

namespace Baize.Compression.Architectures;

/// <summary>Every width of an <see cref="AudioEncoder"/>: its residual CNN and the projection head's hidden units.</summary>
public sealed record AudioEncoderConfig(ResidualCnnConfig Backbone, int HeadHiddenUnits)
{
    /// <summary>
    /// The production teacher: a log-mel spectrogram is treated as a one-channel image. A stride-2 stem of 32
    /// channels (the 64x300 map is 4.7 times an image's area), then one basic block per stage at 32/64/96/128
    /// channels, each halving both axes (64x300 → 2x10), then a 256-unit projection head.
    /// </summary>
    public static AudioEncoderConfig Teacher()
    {
        ResidualStageConfig[] stages = [new(32, 2, [32]), new(64, 2, [64]), new(96, 2, [96]), new(128, 2, [128])];
        return new AudioEncoderConfig(new ResidualCnnConfig(EncoderContract.AudioChannels, 32, 2, stages), 256);
    }

    /// <summary>The uniformly thinned family: every width times <paramref name="widthFactor"/> (0.5 gives about 4x fewer parameters).</summary>
    public AudioEncoderConfig Scaled(double widthFactor)
    {
        return new AudioEncoderConfig(Backbone.Scaled(widthFactor), WidthScaling.Scale(HeadHiddenUnits, widthFactor));
    }

    public long ParameterCount()
    {
        return Backbone.ParameterCount()
            + ProjectionHead.ParameterCount(Backbone.OutputWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }

    public long MacsPerItem()
    {
        return Backbone.Macs(EncoderContract.AudioMelBins, EncoderContract.AudioFrames)
            + ProjectionHead.Macs(Backbone.OutputWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }
}

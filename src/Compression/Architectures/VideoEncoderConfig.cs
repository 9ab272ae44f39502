using Baize.Compression.Layers;

namespace Baize.Compression.Architectures;

/// <summary>
/// Every width of a <see cref="VideoEncoder"/>: the per-frame CNN, the output channels of each temporal convolution
/// (at least one, so frame order reaches the embedding) and the projection head's hidden units.
/// </summary>
public sealed record VideoEncoderConfig(ResidualCnnConfig FrameBackbone, IReadOnlyList<int> TemporalWidths, int HeadHiddenUnits)
    : IEncoderConfig
{
    /// <summary>
    /// Each frame's feature map is average-pooled to a <see cref="FrameGrid"/> x <see cref="FrameGrid"/> layout, not
    /// to one vector: global pooling would make a frame's features blind to where an object is, and so the sequence
    /// blind to which way it moves.
    /// </summary>
    public const int FrameGrid = 2;

    /// <summary>Features per frame entering the first temporal convolution.</summary>
    public int FrameFeatureWidth => FrameBackbone.OutputWidth * FrameGrid * FrameGrid;

    /// <summary>
    /// The production teacher: a frame CNN smaller than the image teacher (it runs 8 times per clip): stride-2 stem of
    /// 24 channels, one basic block per stage at 24/48/96 channels (64 → 4x4, pooled to 2x2); then two temporal
    /// convolutions of 128 channels over the 8 steps and a 256-unit projection head.
    /// </summary>
    public static VideoEncoderConfig Teacher()
    {
        ResidualStageConfig[] stages = [new(24, 2, [24]), new(48, 2, [48]), new(96, 2, [96])];
        return new VideoEncoderConfig(new ResidualCnnConfig(EncoderContract.ImageChannels, 24, 2, stages), [128, 128], 256);
    }

    /// <summary>The uniformly thinned family: every width times <paramref name="widthFactor"/> (0.5 gives about 4x fewer parameters).</summary>
    public VideoEncoderConfig Scaled(double widthFactor)
    {
        return new VideoEncoderConfig(
            FrameBackbone.Scaled(widthFactor),
            [.. TemporalWidths.Select(width => WidthScaling.Scale(width, widthFactor))],
            WidthScaling.Scale(HeadHiddenUnits, widthFactor));
    }

    /// <summary>Channels entering the projection head: the last temporal convolution's width.</summary>
    public int PooledWidth => TemporalWidths[^1];

    public long ParameterCount()
    {
        var count = FrameBackbone.ParameterCount();
        var channels = FrameFeatureWidth;
        foreach (var width in TemporalWidths)
        {
            count += TemporalConv.ParameterCount(channels, width);
            channels = width;
        }

        return count + ProjectionHead.ParameterCount(PooledWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }

    public long MacsPerItem()
    {
        var macs = EncoderContract.VideoFrames * FrameBackbone.Macs(EncoderContract.ImageSize, EncoderContract.ImageSize);
        var channels = FrameFeatureWidth;
        foreach (var width in TemporalWidths)
        {
            macs += TemporalConv.Macs(channels, width, EncoderContract.VideoFrames);
            channels = width;
        }

        return macs + ProjectionHead.Macs(PooledWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }

    string IEncoderConfig.ArchitectureName => nameof(VideoEncoder);

    public IEncoderConfig WithWidths(IReadOnlyDictionary<string, int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return new VideoEncoderConfig(
            FrameBackbone.WithWidths("backbone", widths),
            [.. TemporalWidths.Select((width, i) => widths.GetValueOrDefault($"temporal.{i}.conv", width))],
            widths.GetValueOrDefault(ConvolutionalEncoderConfig.HeadLayerName, HeadHiddenUnits));
    }

    public IEncoder Build() => new VideoEncoder(this);
}

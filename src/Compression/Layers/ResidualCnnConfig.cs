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

    /// <summary>
    /// This CNN with the widths of the prunable layers named under <paramref name="path"/> replaced (names as
    /// <see cref="ResidualCnn"/> lists them): the stem, each stage's stream and each block's inner width. A stage whose
    /// first block keeps the identity shortcut shares the width of the stream before it.
    /// </summary>
    public ResidualCnnConfig WithWidths(string path, IReadOnlyDictionary<string, int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        var stemWidth = widths.GetValueOrDefault($"{path}.stem", StemWidth);
        var teacherChannels = StemWidth;
        var streamWidth = stemWidth;
        var stages = new List<ResidualStageConfig>();
        for (var s = 0; s < Stages.Count; s++)
        {
            var stage = Stages[s];
            var stagePath = $"{path}.stages.{s}";
            if (stage.Projects(teacherChannels))
            {
                streamWidth = widths.GetValueOrDefault(stagePath, stage.Width);
            }

            var inner = stage.BlockInnerWidths.Select((width, i) => widths.GetValueOrDefault($"{stagePath}.blocks.{i}.conv1", width));
            stages.Add(new ResidualStageConfig(streamWidth, stage.Stride, [.. inner]));
            teacherChannels = stage.Width;
        }

        return this with { StemWidth = stemWidth, Stages = stages };
    }
}

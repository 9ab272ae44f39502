using System.Text.Json.Serialization;
using Baize.Compression.Layers;

namespace Baize.Compression.Architectures;

/// <summary>Every width of a <see cref="ConvolutionalEncoder"/> (its residual CNN and the projection head's hidden units) and the input it reads.</summary>
/// <param name="Input">
/// Not part of the config JSON that model manifests record: a manifest names the architecture and lists the inputs on
/// its own, and leaving the input out keeps the config as it was written before image and audio shared one class.
/// </param>
public sealed record ConvolutionalEncoderConfig([property: JsonIgnore] ConvolutionalInput Input, ResidualCnnConfig Backbone, int HeadHiddenUnits)
    : IEncoderConfig
{
    /// <summary>The name of the projection head's hidden-unit layer in <see cref="ConvolutionalEncoder.PrunableLayers"/>.</summary>
    public const string HeadLayerName = "head.fc1";

    /// <summary>
    /// The production image teacher: 3x3 stem of 32 channels at full resolution, then one basic block per stage at
    /// 32/64/128/128 channels, each halving the map (64 → 4x4), then a 256-unit projection head.
    /// </summary>
    public static ConvolutionalEncoderConfig ImageTeacher()
    {
        var input = ConvolutionalInput.Image;
        ResidualStageConfig[] stages = [new(32, 2, [32]), new(64, 2, [64]), new(128, 2, [128]), new(128, 2, [128])];
        return new ConvolutionalEncoderConfig(input, new ResidualCnnConfig(input.Channels, 32, 1, stages), 256);
    }

    /// <summary>
    /// The production audio teacher: a log-mel spectrogram is treated as a one-channel image. A stride-2 stem of 32
    /// channels (the 64x300 map is 4.7 times an image's area), then one basic block per stage at 32/64/96/128
    /// channels, each halving both axes (64x300 → 2x10), then a 256-unit projection head.
    /// </summary>
    public static ConvolutionalEncoderConfig AudioTeacher()
    {
        var input = ConvolutionalInput.Audio;
        ResidualStageConfig[] stages = [new(32, 2, [32]), new(64, 2, [64]), new(96, 2, [96]), new(128, 2, [128])];
        return new ConvolutionalEncoderConfig(input, new ResidualCnnConfig(input.Channels, 32, 2, stages), 256);
    }

    /// <summary>The uniformly thinned family: every width times <paramref name="widthFactor"/> (0.5 gives about 4x fewer parameters); the input stays.</summary>
    public ConvolutionalEncoderConfig Scaled(double widthFactor)
    {
        return this with
        {
            Backbone = Backbone.Scaled(widthFactor),
            HeadHiddenUnits = WidthScaling.Scale(HeadHiddenUnits, widthFactor),
        };
    }

    public long ParameterCount()
    {
        return Backbone.ParameterCount()
            + ProjectionHead.ParameterCount(Backbone.OutputWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }

    public long MacsPerItem()
    {
        return Backbone.Macs(Input.Height, Input.Width)
            + ProjectionHead.Macs(Backbone.OutputWidth, HeadHiddenUnits, EncoderContract.EmbeddingDimension);
    }

    string IEncoderConfig.ArchitectureName => Input.ArchitectureName;

    public IEncoderConfig WithWidths(IReadOnlyDictionary<string, int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return this with
        {
            Backbone = Backbone.WithWidths("backbone", widths),
            HeadHiddenUnits = widths.GetValueOrDefault(HeadLayerName, HeadHiddenUnits),
        };
    }

    public IEncoder Build() => new ConvolutionalEncoder(this);
}

using Baize.Compression.Architectures;
using Baize.Compression.Layers;

namespace Baize.Compression.Classification;

/// <summary>
/// Every width of a <see cref="Classifier"/>: a residual CNN over [N, 1, 28, 28] grey images, global average pooling
/// and a two-layer head over <see cref="Classes"/> logits. It exists to check the compressor outside retrieval, on the
/// kind of table the Teacher–Student–Dean paper reports (accuracy, FLOPs and parameters of compressed ResNets).
/// </summary>
public sealed record ClassifierConfig(ResidualCnnConfig Backbone, int HeadHiddenUnits, int Classes) : IEncoderConfig
{
    public const string Name = "FashionClassifier";

    /// <summary>The side of the square input images.</summary>
    public const int ImageSide = 28;

    /// <summary>
    /// The teacher of the tables: a CIFAR-style ResNet cut to what this CPU trains in minutes (a stride-1 stem of 16
    /// channels, then three stages of one basic block at 16/32/64 channels, each halving the map: 28 → 4), then a
    /// 128-unit head. About 2.7 M MACs per image.
    /// </summary>
    public static ClassifierConfig FashionTeacher(int classes = 10)
    {
        ResidualStageConfig[] stages = [new(16, 2, [16]), new(32, 2, [32]), new(64, 2, [64])];
        return new ClassifierConfig(new ResidualCnnConfig(1, 16, 1, stages), 128, classes);
    }

    public string ArchitectureName => Name;

    public long ParameterCount()
    {
        return Backbone.ParameterCount() + ProjectionHead.ParameterCount(Backbone.OutputWidth, HeadHiddenUnits, Classes);
    }

    public long MacsPerItem()
    {
        return Backbone.Macs(ImageSide, ImageSide) + ProjectionHead.Macs(Backbone.OutputWidth, HeadHiddenUnits, Classes);
    }

    public IEncoderConfig WithWidths(IReadOnlyDictionary<string, int> widths)
    {
        ArgumentNullException.ThrowIfNull(widths);
        return this with
        {
            Backbone = Backbone.WithWidths("backbone", widths),
            HeadHiddenUnits = widths.GetValueOrDefault(ConvolutionalEncoderConfig.HeadLayerName, HeadHiddenUnits),
        };
    }

    public IEncoder Build() => new Classifier(this);
}

using Baize.Compression.Architectures;
using Baize.Compression.Layers;

namespace Baize.Compression.Tests.Architectures;

/// <summary>
/// Configs every encoder test runs on: the teacher, its half-width sibling and an irregular one such as pruning
/// produces (uneven widths, a multi-block stage, a stride-1 projection, an identity-shortcut stage, pruned heads).
/// </summary>
internal static class TestConfigs
{
    public const string Teacher = "teacher";
    public const string Half = "half";
    public const string Irregular = "irregular";
    public const int TextVocabulary = 300;

    public static TheoryData<string> Names => [Teacher, Half, Irregular];

    public static ConvolutionalEncoderConfig Image(string name)
    {
        return name switch
        {
            Teacher => ConvolutionalEncoderConfig.ImageTeacher(),
            Half => ConvolutionalEncoderConfig.ImageTeacher().Scaled(0.5),
            _ => new ConvolutionalEncoderConfig(
                ConvolutionalInput.Image,
                new ResidualCnnConfig(3, 13, 1, [new(17, 2, [5]), new(29, 2, [11, 7]), new(31, 1, [3]), new(31, 1, [9])]),
                37),
        };
    }

    public static ConvolutionalEncoderConfig Audio(string name)
    {
        return name switch
        {
            Teacher => ConvolutionalEncoderConfig.AudioTeacher(),
            Half => ConvolutionalEncoderConfig.AudioTeacher().Scaled(0.5),
            _ => new ConvolutionalEncoderConfig(
                ConvolutionalInput.Audio,
                new ResidualCnnConfig(1, 9, 2, [new(14, 2, [6]), new(20, 2, [3, 12]), new(27, 2, [8])]),
                50),
        };
    }

    public static VideoEncoderConfig Video(string name)
    {
        return name switch
        {
            Teacher => VideoEncoderConfig.Teacher(),
            Half => VideoEncoderConfig.Teacher().Scaled(0.5),
            _ => new VideoEncoderConfig(new ResidualCnnConfig(3, 10, 2, [new(12, 2, [5]), new(19, 2, [7])]), [23, 6, 11], 17),
        };
    }

    public static TextEncoderConfig Text(string name)
    {
        return name switch
        {
            Teacher => TextEncoderConfig.Teacher(TextVocabulary),
            Half => TextEncoderConfig.Teacher(TextVocabulary).Scaled(0.5),
            _ => new TextEncoderConfig(TextVocabulary, 128, 32, [new(3, 77), new(1, 19)]),
        };
    }
}

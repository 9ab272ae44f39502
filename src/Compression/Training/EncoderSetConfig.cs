using Baize.Compression.Architectures;

namespace Baize.Compression.Training;

/// <summary>The four architectures trained together into one space.</summary>
public sealed record EncoderSetConfig(TextEncoderConfig Text, ConvolutionalEncoderConfig Image, ConvolutionalEncoderConfig Audio, VideoEncoderConfig Video)
{
    public static EncoderSetConfig Teacher(int vocabularySize) =>
        new(TextEncoderConfig.Teacher(vocabularySize), ConvolutionalEncoderConfig.ImageTeacher(), ConvolutionalEncoderConfig.AudioTeacher(), VideoEncoderConfig.Teacher());

    /// <summary>The uniformly thinned family (0.5 ≈ 4x fewer parameters), for the from-scratch comparison.</summary>
    public EncoderSetConfig Scaled(double widthFactor) =>
        new(Text.Scaled(widthFactor), Image.Scaled(widthFactor), Audio.Scaled(widthFactor), Video.Scaled(widthFactor));
}

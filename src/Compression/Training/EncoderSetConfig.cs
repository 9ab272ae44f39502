using Baize.Compression.Architectures;

namespace Baize.Compression.Training;

/// <summary>The four architectures trained together into one space.</summary>
public sealed record EncoderSetConfig(TextEncoderConfig Text, ImageEncoderConfig Image, AudioEncoderConfig Audio, VideoEncoderConfig Video)
{
    public static EncoderSetConfig Teacher(int vocabularySize) =>
        new(TextEncoderConfig.Teacher(vocabularySize), ImageEncoderConfig.Teacher(), AudioEncoderConfig.Teacher(), VideoEncoderConfig.Teacher());

    /// <summary>The uniformly thinned family (0.5 ≈ 4x fewer parameters), for the from-scratch comparison.</summary>
    public EncoderSetConfig Scaled(double widthFactor) =>
        new(Text.Scaled(widthFactor), Image.Scaled(widthFactor), Audio.Scaled(widthFactor), Video.Scaled(widthFactor));
}

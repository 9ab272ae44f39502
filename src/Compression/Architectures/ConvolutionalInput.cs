namespace Baize.Compression.Architectures;

/// <summary>
/// What sets the image and the audio <see cref="ConvolutionalEncoder"/> apart besides their widths: the one float
/// input of the serving contract, [N, <paramref name="Channels"/>, <paramref name="Height"/>, <paramref name="Width"/>]
/// named <paramref name="TensorName"/>, and the name the exported model goes by.
/// </summary>
/// <param name="ArchitectureName">
/// The ONNX graph name and the architecture name in model manifests. These are the names of the two classes the
/// encoder was written as before image and audio shared one, so models exported before and after read the same.
/// </param>
public sealed record ConvolutionalInput(string ArchitectureName, string TensorName, int Channels, int Height, int Width)
{
    /// <summary>Normalised [N, 3, 64, 64] pixels.</summary>
    public static ConvolutionalInput Image { get; } = new(
        "ImageEncoder",
        EncoderContract.ImageInput,
        EncoderContract.ImageChannels,
        EncoderContract.ImageSize,
        EncoderContract.ImageSize);

    /// <summary>Normalised [N, 1, 64, 300] log-mel spectrograms (mel bins by frames), read as a one-channel image.</summary>
    public static ConvolutionalInput Audio { get; } = new(
        "AudioEncoder",
        EncoderContract.AudioInput,
        EncoderContract.AudioChannels,
        EncoderContract.AudioMelBins,
        EncoderContract.AudioFrames);
}

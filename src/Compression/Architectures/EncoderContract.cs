using Serving = Baize.Embedding.Manifests.EncoderContract;

namespace Baize.Compression.Architectures;

/// <summary>
/// The tensor names and shapes the serving side is written against; the names come from its own contract, so the two
/// cannot disagree. Every exported encoder has these inputs, with a dynamic first dimension named "batch", and one float
/// output <see cref="EmbeddingOutput"/> of [batch, 128] unit vectors.
/// </summary>
public static class EncoderContract
{
    public const int EmbeddingDimension = 128;
    public const string EmbeddingOutput = Serving.OutputName;

    /// <summary>int64 [N, 32] WordPiece ids.</summary>
    public const string TextTokenInput = Serving.InputIds;

    /// <summary>int64 [N, 32], 1 for a real token and 0 for padding.</summary>
    public const string TextMaskInput = Serving.AttentionMask;
    public const int TextSequenceLength = 32;

    /// <summary>float [N, 3, 64, 64], already normalised.</summary>
    public const string ImageInput = Serving.Pixels;
    public const int ImageChannels = 3;
    public const int ImageSize = 64;

    /// <summary>float [N, 1, 64, 300]: 64 mel bins by 300 frames (6 s at a 20 ms hop), already normalised.</summary>
    public const string AudioInput = Serving.LogMel;
    public const int AudioChannels = 1;
    public const int AudioMelBins = 64;
    public const int AudioFrames = 300;

    /// <summary>float [N, 8, 3, 64, 64]: 8 frames in time order, each like an image input.</summary>
    public const string VideoInput = Serving.Frames;
    public const int VideoFrames = 8;
}

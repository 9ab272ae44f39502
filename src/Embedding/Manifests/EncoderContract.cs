namespace Baize.Embedding.Manifests;

/// <summary>
/// The fixed interface between Baize and an encoder ONNX model: input names, element types and shapes per
/// modality (N = dynamic batch), derived from the preprocessing parameters, and one float output [N, d].
/// </summary>
public static class EncoderContract
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string Pixels = "pixels";
    public const string LogMel = "log_mel";
    public const string Frames = "frames";
    public const string OutputName = "embedding";

    /// <summary>The dynamic batch dimension.</summary>
    public const long Batch = -1;

    public static IReadOnlyList<TensorSpec> Inputs(Modality modality, PreprocessingParameters preprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        return modality switch
        {
            Modality.Text when preprocessing.Text is { } text =>
            [
                new(InputIds, TensorElementKind.Int64, [Batch, text.MaxTokens]),
                new(AttentionMask, TensorElementKind.Int64, [Batch, text.MaxTokens]),
            ],
            Modality.Image when preprocessing.Image is { } image =>
                [new(Pixels, TensorElementKind.Float32, [Batch, 3, image.Size, image.Size])],
            Modality.Audio when preprocessing.Audio is { } audio =>
                [new(LogMel, TensorElementKind.Float32, [Batch, 1, audio.MelBins, audio.Frames])],
            Modality.Video when preprocessing.Video is { } video =>
                [new(Frames, TensorElementKind.Float32, [Batch, video.FrameCount, 3, video.Size, video.Size])],
            _ => throw new ArgumentException($"The preprocessing section has no '{ManifestJson.ModalityName(modality)}' entry.", nameof(preprocessing)),
        };
    }
}

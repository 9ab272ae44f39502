namespace Baize.Embedding.Preprocessing.Image;

/// <summary>Image preprocessing parameters, stored in the manifest under <c>preprocessing.image</c>.</summary>
public sealed record ImagePreprocessing
{
    /// <summary>Side of the square model input in pixels.</summary>
    public int Size { get; init; } = 64;

    /// <summary>Per-channel (R, G, B) mean of value/255 over the training images.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0.5f, 0.5f, 0.5f];

    /// <summary>Per-channel (R, G, B) standard deviation of value/255 over the training images.</summary>
    public IReadOnlyList<float> Std { get; init; } = [0.25f, 0.25f, 0.25f];
}

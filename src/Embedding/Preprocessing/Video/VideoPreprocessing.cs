namespace Baize.Embedding.Preprocessing.Video;

/// <summary>Video preprocessing parameters, stored in the manifest under <c>preprocessing.video</c>.</summary>
public sealed record VideoPreprocessing
{
    /// <summary>Frames sampled uniformly over the clip or window.</summary>
    public int FrameCount { get; init; } = 8;

    /// <summary>Side of each square frame in pixels.</summary>
    public int Size { get; init; } = 64;

    /// <summary>Per-channel (R, G, B) mean of value/255, as for images.</summary>
    public IReadOnlyList<float> Mean { get; init; } = [0.5f, 0.5f, 0.5f];

    /// <summary>Per-channel (R, G, B) standard deviation of value/255, as for images.</summary>
    public IReadOnlyList<float> Std { get; init; } = [0.25f, 0.25f, 0.25f];
}

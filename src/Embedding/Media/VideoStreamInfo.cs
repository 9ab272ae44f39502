namespace Baize.Embedding.Media;

/// <summary>
/// A video stream. <see cref="FrameCount"/> is known for MP4 and usually unknown for Matroska;
/// <see cref="Duration"/> is the stream's own, which can be shorter than the container's when audio runs longer.
/// </summary>
public sealed record VideoStreamInfo(string Codec, int Width, int Height, long? FrameCount, double? FrameRate, TimeSpan? Duration);

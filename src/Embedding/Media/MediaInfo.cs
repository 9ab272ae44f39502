namespace Baize.Embedding.Media;

/// <summary>What ffprobe reports about an audio or video file: the container, its duration and its first audio and video streams.</summary>
public sealed record MediaInfo(MediaFormat Format, TimeSpan? Duration, AudioStreamInfo? Audio, VideoStreamInfo? Video);

namespace Baize.Embedding.Media;

/// <param name="Duration">The stream's own length, when the container declares it; a sound track can be shorter than its video.</param>
public sealed record AudioStreamInfo(string Codec, int SampleRate, int Channels, TimeSpan? Duration = null);

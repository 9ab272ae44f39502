namespace Baize.Embedding.Media;

public sealed record AudioStreamInfo(string Codec, int SampleRate, int Channels);

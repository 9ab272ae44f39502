namespace Baize.SearchApi.Encoders;

/// <summary>One served encoder as the API reports it.</summary>
public sealed record EncoderStatus(string Modality, string Id, string Version, int Dimension, long Parameters, long Macs, string Method, IReadOnlyDictionary<string, double> Metrics);

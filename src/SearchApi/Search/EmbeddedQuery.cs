namespace Baize.SearchApi.Search;

/// <param name="Encoder">The encoder version that produced <paramref name="Vector"/>.</param>
public sealed record EmbeddedQuery(float[] Vector, string Encoder, string Modality);

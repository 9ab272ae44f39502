namespace Baize.SearchApi.Search;

/// <summary>The query's modality has no active encoder (HTTP 503).</summary>
public sealed class EncoderUnavailableException(string message) : Exception(message);

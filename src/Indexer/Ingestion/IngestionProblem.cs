namespace Baize.Indexer.Ingestion;

public enum IngestionProblem
{
    /// <summary>Empty file or malformed metadata (HTTP 400).</summary>
    Invalid,

    /// <summary>Over the size limit (HTTP 413).</summary>
    TooLarge,

    /// <summary>Not a format Baize indexes (HTTP 415).</summary>
    UnsupportedType,

    /// <summary>A supported format whose content is damaged or lacks the stream it needs (HTTP 422).</summary>
    Unprocessable,
}

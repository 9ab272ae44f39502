namespace Baize.Indexer.Originals;

/// <summary>An upload ran past the size limit; it was discarded.</summary>
public sealed class OriginalTooLargeException(long maxBytes) : Exception($"The upload is larger than the limit of {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}

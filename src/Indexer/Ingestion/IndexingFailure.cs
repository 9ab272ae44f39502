using System.Text;
using Baize.Embedding.Media;
using Baize.Indexer.Segments;

namespace Baize.Indexer.Ingestion;

/// <summary>Tells failures that retrying cannot fix (the stored media itself is the problem) from the rest.</summary>
public static class IndexingFailure
{
    public static bool IsPermanent(Exception exception) =>
        exception is MediaDecodeException or SegmentLimitException or DecoderFallbackException or FileNotFoundException;
}

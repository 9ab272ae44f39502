namespace Baize.Ingestion.Results;

/// <summary>
/// The items through the whole pipeline: POST /v1/items (one file per request) → catalogue and media store → in-memory
/// bus → indexer (decode, segment, embed through the shared batcher) → vector store → catalogue status.
/// </summary>
/// <param name="Seconds">From the first upload request to the last item's final status update in the catalogue.</param>
/// <param name="ItemsPerS">Items / <paramref name="Seconds"/>: the headline.</param>
/// <param name="UploadSeconds">Until every upload had its 202 (indexing overlaps it).</param>
/// <param name="DetectedSeconds">Until the poll saw nothing queued or processing (an upper bound of <paramref name="Seconds"/>).</param>
/// <param name="Points">Points written, over every modality the items were indexed under.</param>
/// <param name="EmbeddingBatches">Batches the embedding batcher ran for this modality during the run.</param>
/// <param name="MeanBatchSize">Items per batcher batch (the raw measurement uses 32).</param>
/// <param name="FirstError">The first failed upload or item, if any.</param>
public sealed record PipelineResult(
    double Seconds,
    double ItemsPerS,
    double UploadSeconds,
    double DetectedSeconds,
    int Indexed,
    int Failed,
    int Points,
    long EmbeddingBatches,
    double MeanBatchSize,
    string? FirstError);

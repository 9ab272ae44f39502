namespace Baize.Ingestion.Results;

/// <summary>The knobs a run used, so two reports can be checked for comparability.</summary>
/// <param name="ItemsPerModality">Items asked for per modality (a modality's result says how many it really had).</param>
/// <param name="WarmupItems">Generated items sent through the pipeline untimed before each modality's run.</param>
/// <param name="UploadConcurrency">Upload requests in flight at once, one file each.</param>
/// <param name="RawBatchSize">Files per OnnxEncoder.Embed*Async call in the raw measurement.</param>
/// <param name="IndexerConcurrentMessages">Items the indexer processes at once (Indexer:ConcurrentMessages).</param>
/// <param name="PollIntervalMs">How often the catalogue is asked whether anything is still queued or processing.</param>
public sealed record IngestionSettings(
    int ItemsPerModality,
    int WarmupItems,
    int UploadConcurrency,
    int FilesPerRequest,
    int RawBatchSize,
    int IndexerConcurrentMessages,
    string Models,
    string Transport,
    string Store,
    int PollIntervalMs);

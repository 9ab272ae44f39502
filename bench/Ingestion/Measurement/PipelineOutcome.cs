namespace Baize.Ingestion.Measurement;

/// <summary>What one ingestion run measured; see <see cref="Results.PipelineResult"/> for the meaning of each time.</summary>
public sealed record PipelineOutcome(
    double Seconds,
    double UploadSeconds,
    double DetectedSeconds,
    int Accepted,
    int Indexed,
    int Failed,
    int Points,
    string? FirstError);

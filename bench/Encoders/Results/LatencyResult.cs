namespace Baize.Encoders.Results;

/// <summary>Single-item runs on preprocessed inputs, cycling through the preprocessed items.</summary>
public sealed record LatencyResult(
    int WarmupRuns,
    int Runs,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MeanMs,
    double MinMs,
    double MaxMs);

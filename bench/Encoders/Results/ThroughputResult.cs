namespace Baize.Encoders.Results;

/// <summary>Batch runs on preprocessed inputs; items/s of each run is batch size / run time.</summary>
/// <param name="DistinctItems">Different real items in the batch (fewer than the batch size only on a tiny split).</param>
public sealed record ThroughputResult(
    int WarmupRuns,
    int Runs,
    int DistinctItems,
    double MedianItemsPerS,
    double MinItemsPerS,
    double P25ItemsPerS,
    double P75ItemsPerS,
    double MaxItemsPerS,
    double MedianBatchMs);

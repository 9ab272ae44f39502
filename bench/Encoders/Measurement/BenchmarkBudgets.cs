namespace Baize.Encoders.Measurement;

/// <summary>
/// The budgets of the three timed phases, chosen so one modality takes roughly ten seconds on two cores and the
/// whole run stays within a couple of minutes.
/// </summary>
public static class BenchmarkBudgets
{
    /// <summary>Batch-32 runs: a few warm-ups (first runs allocate ONNX Runtime's arenas), then at least 10 timed runs.</summary>
    public static MeasurementBudget Throughput { get; } = new(WarmupRuns: 3, MinRuns: 10, MaxRuns: 200, Target: TimeSpan.FromSeconds(3));

    /// <summary>Batch-1 runs: p99 needs a few hundred samples to be more than the maximum.</summary>
    public static MeasurementBudget Latency { get; } = new(WarmupRuns: 20, MinRuns: 300, MaxRuns: 5000, Target: TimeSpan.FromSeconds(3));

    /// <summary>
    /// Passes over the preprocessing items: one pass always (ffmpeg-bound modalities need a few seconds for it), more
    /// for cheap preprocessors so their microsecond timings are not a single noisy sample each. Warm-up is per item.
    /// </summary>
    public static MeasurementBudget Preprocessing { get; } = new(WarmupRuns: 4, MinRuns: 1, MaxRuns: 20, Target: TimeSpan.FromSeconds(2));
}

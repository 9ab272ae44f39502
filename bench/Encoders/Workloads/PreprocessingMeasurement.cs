namespace Baize.Encoders.Workloads;

/// <summary>Per-item preprocessing times, and the inputs the first pass produced (reused as inference inputs).</summary>
/// <param name="TimesMs">One timing per item per pass.</param>
public sealed record PreprocessingMeasurement<TInput>(IReadOnlyList<TInput> Inputs, IReadOnlyList<double> TimesMs, int WarmupItems, int Passes);

namespace Baize.Encoders.Results;

/// <summary>Preprocessing of single real items from their files (or captions), one at a time.</summary>
/// <param name="Work">What preprocessing one item does.</param>
/// <param name="Items">Distinct items; each pass preprocesses every one of them once.</param>
/// <param name="Passes">Passes over the items; the statistics are over all Items × Passes timings.</param>
public sealed record PreprocessResult(
    string Work,
    int WarmupItems,
    int Items,
    int Passes,
    double MedianMs,
    double P90Ms,
    double MinMs,
    double MaxMs);

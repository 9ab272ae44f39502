namespace Baize.Encoders.Measurement;

/// <summary>
/// How long a timed phase runs: at least <paramref name="MinRuns"/> (so a slow model still yields a usable
/// median), then on until <paramref name="Target"/> has passed, but never more than <paramref name="MaxRuns"/>
/// (so a fast model does not spend the whole budget on one number).
/// </summary>
public sealed record MeasurementBudget(int WarmupRuns, int MinRuns, int MaxRuns, TimeSpan Target)
{
    public bool ShouldContinue(int runs, double elapsedMs) =>
        runs < MinRuns || (runs < MaxRuns && elapsedMs < Target.TotalMilliseconds);
}

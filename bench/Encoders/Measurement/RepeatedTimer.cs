using Baize.BenchSupport;

namespace Baize.Encoders.Measurement;

/// <summary>Runs a synchronous action under a <see cref="MeasurementBudget"/> and returns the time of each timed run.</summary>
public static class RepeatedTimer
{
    /// <returns>Milliseconds per timed run, in run order.</returns>
    public static double[] Measure(Action run, MeasurementBudget budget)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(budget);
        for (var i = 0; i < budget.WarmupRuns; i++)
        {
            run();
        }

        // Start from a clean heap so garbage left by loading and warm-up is not collected inside a timed run.
        Heap.Settle();

        var times = new List<double>();
        var phaseStart = Clock.Now();
        while (budget.ShouldContinue(times.Count, Clock.MillisecondsSince(phaseStart)))
        {
            var start = Clock.Now();
            run();
            times.Add(Clock.MillisecondsSince(start));
        }

        return [.. times];
    }
}

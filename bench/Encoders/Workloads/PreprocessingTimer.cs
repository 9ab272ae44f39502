using Baize.BenchSupport;
using Baize.Encoders.Measurement;

namespace Baize.Encoders.Workloads;

/// <summary>
/// Times preprocessing one item at a time, sequentially, as a request that embeds one upload would: no parallelism,
/// so the figure is the cost of an item rather than the throughput of a busy machine.
/// </summary>
public static class PreprocessingTimer
{
    public static async Task<PreprocessingMeasurement<TInput>> MeasureAsync<TInput>(
        Workload<TInput> workload,
        MeasurementBudget budget,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(budget);
        var sources = workload.Sources;

        // Warm-up: JIT, codec and tokenizer initialisation, and the ffmpeg binary into the page cache.
        var warmup = Math.Min(budget.WarmupRuns, sources.Count);
        for (var i = 0; i < warmup; i++)
        {
            await workload.Preprocess(sources[i], cancellationToken);
        }

        var inputs = new TInput[sources.Count];
        var times = new List<double>();
        var passes = 0;
        var phaseStart = Clock.Now();
        while (budget.ShouldContinue(passes, Clock.MillisecondsSince(phaseStart)))
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var start = Clock.Now();
                var input = await workload.Preprocess(sources[i], cancellationToken);
                times.Add(Clock.MillisecondsSince(start));
                if (passes == 0)
                {
                    inputs[i] = input;
                }
            }

            passes++;
        }

        return new PreprocessingMeasurement<TInput>(inputs, times, warmup, passes);
    }
}

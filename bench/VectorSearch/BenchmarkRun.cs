using Baize.BenchSupport;
using Baize.Vectors;
using Baize.Vectors.Embedded;
using Baize.VectorSearch.Results;

namespace Baize.VectorSearch;

/// <summary>A whole run: describe the machine, then measure each collection size in turn.</summary>
public static class BenchmarkRun
{
    public static async Task<BenchmarkReport> RunAsync(BenchmarkArguments arguments, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var machine = MachineInfo.Probe();
        MachineProbe.WarnWhenBusy(machine.LoadAverage1M, log, "other work shares the cores and memory bus, so the numbers will be low and noisy");

        var defaults = new EmbeddedVectorStoreOptions();
        var settings = new BenchmarkSettings(
            SizeBenchmark.Dimension,
            SizeBenchmark.Top,
            arguments.Queries,
            SizeBenchmark.WarmupQueries,
            SizeBenchmark.MinWarmupQueries,
            SizeBenchmark.BatchSize,
            arguments.Seed,
            ClusteredVectors.Clusters,
            ClusteredVectors.ClusteredFraction,
            nameof(DistanceFunction.Cosine),
            defaults.Durability.ToString(),
            defaults.Int8Oversampling);
        var benchmark = new SizeBenchmark(arguments, log);
        var sizes = new List<SizeResult>();
        foreach (var size in arguments.Sizes)
        {
            sizes.Add(await benchmark.RunAsync(size, cancellationToken));
        }

        return new BenchmarkReport(BenchmarkReport.CurrentSchemaVersion, DateTimeOffset.UtcNow, machine, settings, sizes);
    }
}

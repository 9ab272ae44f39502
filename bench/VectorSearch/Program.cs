using Baize.Vectors;
using Baize.Vectors.Embedded;
using Baize.VectorSearch;
using Baize.VectorSearch.Results;

// Progress goes to stderr so stdout carries only the Markdown table.
BenchmarkArguments arguments;
try
{
    arguments = BenchmarkArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkArguments.Usage);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(BenchmarkArguments.Usage);
    return 0;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    var machine = MachineProbe.Describe();
    if (machine.LoadAverage1M is { } load && load >= machine.Cores * 0.5)
    {
        Console.Error.WriteLine($"warning: load average {load:0.00} on {machine.Cores} cores; other work shares the cores and memory bus, so the numbers will be low and noisy.");
    }

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
    var benchmark = new SizeBenchmark(arguments, Console.Error);
    var sizes = new List<SizeResult>();
    foreach (var size in arguments.Sizes)
    {
        sizes.Add(await benchmark.RunAsync(size, cancellation.Token));
    }

    var report = new BenchmarkReport(BenchmarkReport.CurrentSchemaVersion, DateTimeOffset.UtcNow, machine, settings, sizes);
    ReportFile.Write(report, arguments.Output);
    Console.Error.WriteLine($"Wrote {Path.GetFullPath(arguments.Output)}");
    Console.WriteLine(MarkdownTable.Render(report));
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled; no report written.");
    return 130;
}
catch (Exception ex) when (ex is VectorStoreException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}

using System.Diagnostics;
using Baize.BenchSupport;
using Baize.Vectors;
using Baize.Vectors.Embedded;
using Baize.Vectors.Filters;
using Baize.VectorSearch.Results;

namespace Baize.VectorSearch;

/// <summary>
/// Measures the embedded store at one size, in this order and never overlapping: insert into an exact and an int8
/// collection, close, reopen and time the first search of each (open time), then per-query latency of exact, int8 and
/// filtered exact search (after warm-up), each exact or int8 query followed by a raw memory scan over an array of the
/// size of the slab that search reads.
/// </summary>
public sealed class SizeBenchmark
{
    public const int Dimension = 128;
    public const int Top = 10;
    public const int BatchSize = 1000;
    public const int WarmupQueries = 20;
    public const int MinWarmupQueries = 60;
    private static readonly TimeSpan MinWarmupTime = TimeSpan.FromSeconds(1);
    private static readonly string[] Modalities = ["text", "image", "audio", "video"];

    private readonly BenchmarkArguments _arguments;
    private readonly TextWriter _progress;

    public SizeBenchmark(BenchmarkArguments arguments, TextWriter progress)
    {
        _arguments = arguments;
        _progress = progress;
    }

    public async Task<SizeResult> RunAsync(int size, CancellationToken cancellationToken)
    {
        _progress.WriteLine($"[{size:N0}] generating {size:N0} vectors and {_arguments.Queries + WarmupQueries} queries (d = {Dimension}, seed {_arguments.Seed})");
        var data = ClusteredVectors.Generate(size, Dimension, _arguments.Seed, centreSeed: _arguments.Seed);
        var queries = ClusteredVectors.Generate(_arguments.Queries + WarmupQueries, Dimension, _arguments.Seed + 1, centreSeed: _arguments.Seed);
        var folder = Path.Combine(Path.GetFullPath(_arguments.DataFolder), $"baize-vector-bench-{Guid.NewGuid():N}");
        var options = new EmbeddedVectorStoreOptions { DatabasePath = Path.Combine(folder, "vectors.db") };
        try
        {
            double insertSeconds;
            await using (var store = new EmbeddedVectorStore(options))
            {
                insertSeconds = await InsertAsync(store, "exact", VectorQuantization.None, data, cancellationToken);
                _progress.WriteLine($"[{size:N0}] inserted into 'exact' in {insertSeconds:F1} s ({size / insertSeconds:N0} points/s)");
                var int8Seconds = await InsertAsync(store, "int8", VectorQuantization.Int8, data, cancellationToken);
                _progress.WriteLine($"[{size:N0}] inserted into 'int8' in {int8Seconds:F1} s");
            }

            var databaseBytes = Directory.GetFiles(folder).Sum(file => new FileInfo(file).Length);
            Heap.Settle();
            var openStart = Stopwatch.GetTimestamp();
            await using var reopened = new EmbeddedVectorStore(options);
            var exact = reopened.GetCollection("exact");
            await exact.SearchAsync(queries.Vector(0), Top, cancellationToken: cancellationToken);
            var openMs = Stopwatch.GetElapsedTime(openStart).TotalMilliseconds;
            var int8 = reopened.GetCollection("int8");
            var int8Start = Stopwatch.GetTimestamp();
            await int8.SearchAsync(queries.Vector(0), Top, cancellationToken: cancellationToken);
            var openInt8Ms = Stopwatch.GetElapsedTime(int8Start).TotalMilliseconds;
            _progress.WriteLine($"[{size:N0}] reopened: first exact search after {openMs:F0} ms, first int8 search {openInt8Ms:F0} ms");

            // Each query is followed by one raw pass over the same amount of memory, so both see the same machine
            // (other processes, caches, memory bus) and their ratio stays meaningful on a busy machine.
            var slab = data.Values;
            var codes = new sbyte[slab.Length];
            var (exactLatency, exactIds, rawF32) = await TimeQueriesAsync(exact, queries, null, () => MemoryScan.PassOverFloats(slab), cancellationToken);
            var (int8Latency, int8Ids, rawI8) = await TimeQueriesAsync(int8, queries, null, () => MemoryScan.PassOverCodes(codes), cancellationToken);
            var images = new VectorSearchOptions { Filter = VectorFilter.All(new MatchCondition("modality", "image")) };
            var (filteredLatency, _, _) = await TimeQueriesAsync(exact, queries, images, null, cancellationToken);
            var recall = exactIds.Zip(int8Ids, (e, i) => e.Intersect(i).Count() / (double)e.Length).Average();
            _progress.WriteLine($"[{size:N0}] exact p50 {exactLatency.P50Ms:F2} ms (raw f32 scan {rawF32:F2} ms), int8 p50 {int8Latency.P50Ms:F2} ms (raw i8 scan {rawI8:F2} ms), filtered p50 {filteredLatency.P50Ms:F2} ms, int8 recall@10 {recall:F4}");

            return new SizeResult(
                size,
                Rounding.Rate(size / insertSeconds),
                Math.Round(insertSeconds, 2),
                databaseBytes,
                Rounding.Milliseconds(openMs),
                Rounding.Milliseconds(openInt8Ms),
                exactLatency,
                int8Latency,
                filteredLatency,
                Rounding.Milliseconds(rawF32),
                Rounding.Milliseconds(rawI8),
                Rounding.Ratio(rawF32 / exactLatency.P50Ms),
                Rounding.Ratio(rawI8 / int8Latency.P50Ms),
                Rounding.Ratio(recall));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<double> InsertAsync(
        EmbeddedVectorStore store, string name, VectorQuantization quantization, ClusteredVectors data, CancellationToken cancellationToken)
    {
        var collection = store.GetCollection(name);
        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(Dimension, DistanceFunction.Cosine, quantization), cancellationToken);

        // Ids come from the seed too, so ties (and so every result list) are the same run to run.
        var random = new Random(data.Count);
        var idBytes = new byte[16];
        var start = Stopwatch.GetTimestamp();
        for (var first = 0; first < data.Count; first += BatchSize)
        {
            var batch = new List<VectorRecord>(BatchSize);
            for (var i = first; i < Math.Min(first + BatchSize, data.Count); i++)
            {
                random.NextBytes(idBytes);
                batch.Add(new VectorRecord(
                    new Guid(idBytes),
                    data.Vector(i),
                    new Dictionary<string, object> { ["modality"] = Modalities[i % Modalities.Length], ["item"] = (long)i }));
            }

            await collection.UpsertAsync(batch, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <returns>The latency, the result ids per query, and the median time of <paramref name="rawScan"/> (0 without one).</returns>
    private async Task<(LatencyResult Latency, Guid[][] Ids, double RawScanMs)> TimeQueriesAsync(
        VectorCollection collection, ClusteredVectors queries, VectorSearchOptions? options, Func<double>? rawScan, CancellationToken cancellationToken)
    {
        // Long enough for tiered compilation to replace the scan loops with optimised code (after 30 calls plus a
        // background compile); the first queries of a process run several times slower.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < MinWarmupQueries || warmup.Elapsed < MinWarmupTime; i++)
        {
            await collection.SearchAsync(queries.Vector(_arguments.Queries + (i % WarmupQueries)), Top, options, cancellationToken);
            rawScan?.Invoke();
        }

        Heap.Settle();
        var times = new double[_arguments.Queries];
        var raw = new double[rawScan is null ? 0 : _arguments.Queries];
        var ids = new Guid[_arguments.Queries][];
        for (var i = 0; i < _arguments.Queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = await collection.SearchAsync(queries.Vector(i), Top, options, cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            ids[i] = [.. hits.Select(h => h.Record.Id)];
            if (rawScan is not null)
            {
                raw[i] = rawScan();
            }
        }

        Array.Sort(raw);
        return (LatencyResult.From(times), ids, raw.Length == 0 ? 0 : raw[raw.Length / 2]);
    }
}

using System.Collections.Concurrent;
using Baize.TestSupport;
using Baize.Vectors.Embedded;
using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>Searches running while other threads write: every answer is well-formed and nothing written is lost.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private const int Dimension = 16;
    private readonly TempDirectory _directory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_searches_upserts_and_deletes_leave_a_consistent_collection()
    {
        var options = new EmbeddedVectorStoreOptions { DatabasePath = _directory.File("vectors.db"), Durability = EmbeddedDurability.ProcessCrash };
        await using var store = new EmbeddedVectorStore(options);
        var collection = store.GetCollection("busy");
        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(Dimension, Quantization: VectorQuantization.Int8), Token);
        await collection.UpsertAsync([.. TestVectors.RandomUnit(500, Dimension, 1).Select(v => new VectorRecord(Guid.NewGuid(), v, Payload.Empty))], Token);
        var kept = new ConcurrentBag<Guid>();
        var failures = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();

        // Dedicated threads: busy readers on pool threads would starve the writers on a two-core machine.
        var writers = Enumerable.Range(0, 2).Select(w => Task.Factory.StartNew(
            () =>
            {
                var vectors = TestVectors.RandomUnit(400, Dimension, 10 + w);
                for (var batch = 0; batch < 40; batch++)
                {
                    var records = vectors.Skip(batch * 10).Take(10).Select(v => new VectorRecord(Guid.NewGuid(), v, Payload.Empty)).ToList();
                    collection.UpsertAsync(records, Token).GetAwaiter().GetResult();
                    collection.DeleteAsync([records[0].Id], Token).GetAwaiter().GetResult();
                    foreach (var record in records.Skip(1))
                    {
                        kept.Add(record.Id);
                    }
                }
            },
            Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var readers = Enumerable.Range(0, 3).Select(r => Task.Factory.StartNew(
            () =>
            {
                var queries = TestVectors.RandomUnit(20, Dimension, 100 + r);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var hits = collection.SearchAsync(queries[i % queries.Length], 5, cancellationToken: Token).GetAwaiter().GetResult();
                        Assert.Equal(5, hits.Count);
                        Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
                        Assert.Equal(5, hits.Select(h => h.Record.Id).Distinct().Count());
                    }
                    catch (Exception ex)
                    {
                        failures.Enqueue(ex);
                        return;
                    }
                }
            },
            Token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(failures);
        Assert.Equal(500 + kept.Count, await collection.CountAsync(cancellationToken: Token));
        Assert.Equal(kept.Count, (await collection.GetAsync([.. kept], cancellationToken: Token)).Count);
        await using var other = new EmbeddedVectorStore(options);
        Assert.Equal(500 + kept.Count, await other.GetCollection("busy").CountAsync(cancellationToken: Token));
    }

    public void Dispose() => _directory.Dispose();
}

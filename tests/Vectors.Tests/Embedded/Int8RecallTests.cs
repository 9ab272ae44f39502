using Baize.TestSupport;
using Baize.Vectors.Embedded;
using Baize.Vectors.Filters;
using Baize.Vectors.Tests.Conformance;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>
/// The int8 scan with exact re-scoring against the exact scan on unstructured data (random unit vectors in 128
/// dimensions, the hardest case: every score is close to every other), at the encoders' dimension.
/// </summary>
public sealed class Int8RecallTests : IAsyncLifetime
{
    private const int Dimension = 128;
    private const int Top = 10;
    private readonly TempDirectory _directory = new();
    private EmbeddedVectorStore _store = null!;
    private VectorCollection _exact = null!;
    private VectorCollection _int8 = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = _directory.File("vectors.db"), Durability = EmbeddedDurability.ProcessCrash });
        _exact = _store.GetCollection("exact");
        _int8 = _store.GetCollection("int8");
        await _exact.EnsureCollectionExistsAsync(new VectorCollectionDefinition(Dimension), Token);
        await _int8.EnsureCollectionExistsAsync(new VectorCollectionDefinition(Dimension, Quantization: VectorQuantization.Int8), Token);
        var records = TestVectors.RandomUnit(4000, Dimension, seed: 21)
            .Select((v, i) => new VectorRecord(Guid.NewGuid(), v, new Dictionary<string, object> { ["even"] = i % 2 == 0 }))
            .ToList();
        foreach (var batch in records.Chunk(1000))
        {
            await _exact.UpsertAsync(batch, Token);
            await _int8.UpsertAsync(batch, Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Int8_recall_at_10_against_exact_search_is_at_least_0_99()
    {
        var recall = await RecallAsync(options: null);

        TestContext.Current.TestOutputHelper?.WriteLine($"recall@10 = {recall:F4}");
        Assert.True(recall >= 0.99, $"recall@10 = {recall:F4}");
    }

    [Fact]
    public async Task Int8_recall_holds_with_a_filter_and_skip()
    {
        var options = new VectorSearchOptions { Filter = VectorFilter.All(new MatchCondition("even", true)), Skip = 5 };

        var recall = await RecallAsync(options);

        Assert.True(recall >= 0.99, $"recall@10 = {recall:F4}");
    }

    [Fact]
    public async Task Int8_results_carry_the_exact_scores()
    {
        foreach (var query in TestVectors.RandomUnit(5, Dimension, seed: 23))
        {
            var exact = await _exact.SearchAsync(query, Top, cancellationToken: Token);
            var int8 = await _int8.SearchAsync(query, Top, cancellationToken: Token);

            // Re-scoring uses the exact kernel, so a point found by both has bit-identical scores.
            var exactScores = exact.ToDictionary(h => h.Record.Id, h => h.Score);
            Assert.All(int8.Where(h => exactScores.ContainsKey(h.Record.Id)), h => Assert.Equal(exactScores[h.Record.Id], h.Score));
        }
    }

    private async Task<double> RecallAsync(VectorSearchOptions? options)
    {
        var found = 0;
        var total = 0;
        foreach (var query in TestVectors.RandomUnit(100, Dimension, seed: 22))
        {
            var expected = (await _exact.SearchAsync(query, Top, options, Token)).Select(h => h.Record.Id).ToHashSet();
            var actual = await _int8.SearchAsync(query, Top, options, Token);
            found += actual.Count(h => expected.Contains(h.Record.Id));
            total += expected.Count;
        }

        return found / (double)total;
    }
}

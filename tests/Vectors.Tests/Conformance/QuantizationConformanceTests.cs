namespace Baize.Vectors.Tests.Conformance;

/// <summary>Int8 collections: the quantised scan finds the same results as an exact one on well-separated data.</summary>
public abstract class QuantizationConformanceTests<TFactory> : ConformanceTestBase<TFactory>
    where TFactory : IVectorStoreFactory, new()
{
    private const int Dimension = 32;

    [Fact]
    public async Task Int8_search_returns_the_same_top_results_as_exact_search()
    {
        var exact = await CreateCollectionAsync("exact", Dimension);
        var int8 = await CreateCollectionAsync("int8", Dimension, quantization: VectorQuantization.Int8);
        var points = TestVectors.RandomUnit(200, Dimension, seed: 11).Select(v => Point(Guid.NewGuid(), v, ("k", "v"))).ToList();
        await exact.UpsertAsync(points, Token);
        await int8.UpsertAsync(points, Token);

        foreach (var query in TestVectors.RandomUnit(10, Dimension, seed: 12))
        {
            var expected = await exact.SearchAsync(query, 5, cancellationToken: Token);
            var actual = await int8.SearchAsync(query, 5, cancellationToken: Token);

            Assert.Equal(expected.Select(h => h.Record.Id), actual.Select(h => h.Record.Id));
            Assert.Equal(expected.Select(h => h.Score), actual.Select(h => h.Score), (x, y) => Math.Abs(x - y) < 1e-3);
        }
    }

    [Fact]
    public async Task Int8_search_finds_the_point_nearest_to_a_slightly_moved_copy()
    {
        var int8 = await CreateCollectionAsync("nearest", Dimension, quantization: VectorQuantization.Int8);
        var vectors = TestVectors.RandomUnit(100, Dimension, seed: 13);
        var ids = vectors.Select(_ => Guid.NewGuid()).ToArray();
        await int8.UpsertAsync([.. vectors.Select((v, i) => Point(ids[i], v))], Token);
        var random = new Random(14);

        for (var i = 0; i < vectors.Length; i += 10)
        {
            var noise = TestVectors.Gaussian(random, Dimension);
            var query = TestVectors.Normalize([.. vectors[i].Zip(noise, (v, n) => v + (0.05f * n))]);

            var hits = await int8.SearchAsync(query, 1, new VectorSearchOptions { IncludeVectors = true }, Token);

            Assert.Equal(ids[i], Assert.Single(hits).Record.Id);
        }
    }
}

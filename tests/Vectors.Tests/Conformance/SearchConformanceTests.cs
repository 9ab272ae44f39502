using Baize.Vectors.Filters;

namespace Baize.Vectors.Tests.Conformance;

/// <summary>Ranking against a brute-force reference, skip, the strict score threshold and filtered search.</summary>
public abstract class SearchConformanceTests<TFactory> : ConformanceTestBase<TFactory>
    where TFactory : IVectorStoreFactory, new()
{
    private const int Dimension = 16;

    [Theory]
    [InlineData(DistanceFunction.Cosine)]
    [InlineData(DistanceFunction.DotProduct)]
    public async Task Exact_search_returns_the_brute_force_top_k_best_first(DistanceFunction distance)
    {
        var collection = await CreateCollectionAsync("ranking", Dimension, distance);
        var random = new Random(5);

        // Dot-product points get varied lengths, so the ranking is not the cosine one.
        var points = Enumerable.Range(0, 300)
            .Select(i => (Id: Guid.NewGuid(), Vector: TestVectors.Gaussian(random, Dimension)))
            .ToList();
        await collection.UpsertAsync([.. points.Select(p => Point(p.Id, p.Vector, ("i", 1L)))], Token);
        var reference = distance == DistanceFunction.Cosine
            ? points.Select(p => (p.Id, Vector: TestVectors.Normalize(p.Vector))).ToList()
            : points;

        foreach (var query in TestVectors.RandomUnit(5, Dimension, seed: 99))
        {
            var hits = await collection.SearchAsync(query, 10, cancellationToken: Token);

            Assert.Equal(TestVectors.BruteForceTop(reference, query, 10), hits.Select(h => h.Record.Id));
            foreach (var hit in hits)
            {
                var expected = TestVectors.Dot(reference.Single(p => p.Id == hit.Record.Id).Vector, query);
                Assert.Equal(expected, hit.Score, 1e-4);
            }

            Assert.Equal(hits.Select(h => h.Score).OrderDescending(), hits.Select(h => h.Score));
        }
    }

    [Fact]
    public async Task Search_returns_every_point_when_top_exceeds_the_count_and_nothing_when_empty()
    {
        var collection = await CreateCollectionAsync("small", Dimension);
        Assert.Empty(await collection.SearchAsync(TestVectors.RandomUnit(1, Dimension, 1)[0], 5, cancellationToken: Token));

        await collection.UpsertAsync([.. TestVectors.RandomUnit(3, Dimension, 2).Select(v => Point(Guid.NewGuid(), v))], Token);

        Assert.Equal(3, (await collection.SearchAsync(TestVectors.RandomUnit(1, Dimension, 1)[0], 10, cancellationToken: Token)).Count);
    }

    [Fact]
    public async Task Skip_pages_through_the_same_ranking()
    {
        var collection = await CreateCollectionAsync("skip", Dimension);
        await collection.UpsertAsync([.. TestVectors.RandomUnit(50, Dimension, 3).Select(v => Point(Guid.NewGuid(), v))], Token);
        var query = TestVectors.RandomUnit(1, Dimension, 4)[0];

        var all = await collection.SearchAsync(query, 8, cancellationToken: Token);
        var page = await collection.SearchAsync(query, 5, new VectorSearchOptions { Skip = 3 }, Token);

        Assert.Equal(all.Skip(3).Select(h => h.Record.Id), page.Select(h => h.Record.Id));
    }

    [Fact]
    public async Task Score_threshold_keeps_only_scores_strictly_above_it()
    {
        // Dot products of powers of two are exact in float32, so the threshold meets a score exactly.
        var collection = await CreateCollectionAsync("threshold", dimension: 4, distance: DistanceFunction.DotProduct);
        var (one, half, quarter, negative) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await collection.UpsertAsync(
            [Point(one, [1, 0, 0, 0]), Point(half, [0.5f, 0, 0, 0]), Point(quarter, [0.25f, 0, 0, 0]), Point(negative, [-1, 0, 0, 0])],
            Token);
        float[] query = [1, 0, 0, 0];

        var atHalf = await collection.SearchAsync(query, 10, new VectorSearchOptions { ScoreThreshold = 0.5f }, Token);
        var belowHalf = await collection.SearchAsync(query, 10, new VectorSearchOptions { ScoreThreshold = 0.4999f }, Token);
        var none = await collection.SearchAsync(query, 10, new VectorSearchOptions { ScoreThreshold = 1f }, Token);

        Assert.Equal([one], atHalf.Select(h => h.Record.Id));
        Assert.Equal([one, half], belowHalf.Select(h => h.Record.Id));
        Assert.Empty(none);
        Assert.Equal([1f, 0.5f], belowHalf.Select(h => h.Score));
    }

    [Fact]
    public async Task Filtered_search_ranks_only_the_matching_points()
    {
        var collection = await CreateCollectionAsync("filtered", Dimension);
        var vectors = TestVectors.RandomUnit(100, Dimension, 6);
        var points = vectors.Select((v, i) => (Id: Guid.NewGuid(), Vector: v, Colour: i % 4 == 0 ? "red" : "blue")).ToList();
        await collection.UpsertAsync([.. points.Select(p => Point(p.Id, p.Vector, ("colour", p.Colour)))], Token);
        var query = TestVectors.RandomUnit(1, Dimension, 7)[0];

        var hits = await collection.SearchAsync(
            query, 5, new VectorSearchOptions { Filter = VectorFilter.All(new MatchCondition("colour", "red")) }, Token);

        var red = points.Where(p => p.Colour == "red").Select(p => (p.Id, p.Vector)).ToList();
        Assert.Equal(TestVectors.BruteForceTop(red, query, 5), hits.Select(h => h.Record.Id));
        Assert.All(hits, h => Assert.Equal("red", h.Record.Payload["colour"]));
    }

    [Fact]
    public async Task Search_returns_payloads_and_vectors_only_when_asked()
    {
        var collection = await CreateCollectionAsync("include", dimension: 4, distance: DistanceFunction.DotProduct);
        await collection.UpsertAsync([Point(Guid.NewGuid(), [1, 2, 3, 4], ("name", "only"))], Token);

        var without = Assert.Single(await collection.SearchAsync(new float[] { 1, 0, 0, 0 }, 1, cancellationToken: Token));
        var with = Assert.Single(await collection.SearchAsync(new float[] { 1, 0, 0, 0 }, 1, new VectorSearchOptions { IncludeVectors = true }, Token));

        Assert.True(without.Record.Vector.IsEmpty);
        Assert.Equal("only", without.Record.Payload["name"]);
        Assert.Equal([1f, 2f, 3f, 4f], with.Record.Vector.ToArray());
    }
}

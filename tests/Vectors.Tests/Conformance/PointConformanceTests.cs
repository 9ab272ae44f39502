using Baize.Vectors.Filters;

namespace Baize.Vectors.Tests.Conformance;

/// <summary>Upsert, get, delete, scroll and count.</summary>
public abstract class PointConformanceTests<TFactory> : ConformanceTestBase<TFactory>
    where TFactory : IVectorStoreFactory, new()
{
    [Fact]
    public async Task Upserted_points_come_back_with_their_payloads()
    {
        var collection = await CreateCollectionAsync("get", distance: DistanceFunction.DotProduct);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await collection.UpsertAsync(
            [
                Point(first, [1, 2, 3, 4], ("name", "first"), ("count", 7L), ("ratio", 2.5), ("whole", 3.0), ("flag", true), ("tags", List("a", "b")), ("sizes", List(1L, 2L))),
                Point(second, [4, 3, 2, 1]),
            ],
            Token);

        var records = await collection.GetAsync([first, second, Guid.NewGuid()], includeVectors: true, Token);

        Assert.Equal(2, records.Count);
        var one = records.Single(r => r.Id == first);
        Assert.Equal([1f, 2f, 3f, 4f], one.Vector.ToArray());
        Assert.Equal("first", one.Payload["name"]);
        Assert.Equal(7L, one.Payload["count"]);
        Assert.Equal(2.5, one.Payload["ratio"]);
        Assert.Equal(3.0, Assert.IsType<double>(one.Payload["whole"]));
        Assert.Equal(true, one.Payload["flag"]);
        Assert.True(Payload.ValuesEqual(new object[] { "a", "b" }, one.Payload["tags"]));
        Assert.True(Payload.ValuesEqual(new object[] { 1L, 2L }, one.Payload["sizes"]));
        Assert.Empty(records.Single(r => r.Id == second).Payload);
    }

    [Fact]
    public async Task Getting_without_vectors_returns_empty_vectors()
    {
        var collection = await CreateCollectionAsync("no-vectors");
        var id = Guid.NewGuid();
        await collection.UpsertAsync([Point(id, [1, 0, 0, 0], ("k", "v"))], Token);

        var record = Assert.Single(await collection.GetAsync([id], includeVectors: false, Token));

        Assert.True(record.Vector.IsEmpty);
        Assert.Equal("v", record.Payload["k"]);
    }

    [Fact]
    public async Task Cosine_collections_store_and_return_unit_vectors()
    {
        var collection = await CreateCollectionAsync("cosine", distance: DistanceFunction.Cosine);
        var id = Guid.NewGuid();
        await collection.UpsertAsync([Point(id, [3, 4, 0, 0])], Token);

        var record = Assert.Single(await collection.GetAsync([id], includeVectors: true, Token));
        var hit = Assert.Single(await collection.SearchAsync(new float[] { 6, 8, 0, 0 }, 1, new VectorSearchOptions { IncludeVectors = true }, Token));

        Assert.Equal([0.6f, 0.8f, 0f, 0f], record.Vector.ToArray(), (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.Equal(1f, hit.Score, 1e-5f);
        Assert.Equal(record.Vector.ToArray(), hit.Record.Vector.ToArray());
    }

    [Fact]
    public async Task Upserting_an_existing_id_replaces_the_point()
    {
        var collection = await CreateCollectionAsync("replace", distance: DistanceFunction.DotProduct);
        var id = Guid.NewGuid();
        await collection.UpsertAsync([Point(id, [1, 0, 0, 0], ("version", 1L), ("old", "yes"))], Token);

        await collection.UpsertAsync([Point(id, [0, 0, 0, 1], ("version", 2L))], Token);

        var record = Assert.Single(await collection.GetAsync([id], includeVectors: true, Token));
        Assert.Equal([0f, 0f, 0f, 1f], record.Vector.ToArray());
        Assert.Equal(2L, record.Payload["version"]);
        Assert.False(record.Payload.ContainsKey("old"));
        Assert.Equal(1, await collection.CountAsync(cancellationToken: Token));
        var hit = Assert.Single(await collection.SearchAsync(new float[] { 0, 0, 0, 1 }, 5, cancellationToken: Token));
        Assert.Equal(1f, hit.Score, 1e-6f);
    }

    [Fact]
    public async Task Upserting_the_same_batch_twice_changes_nothing_the_second_time()
    {
        var collection = await CreateCollectionAsync("idempotent");
        var batch = Enumerable.Range(0, 20).Select(i => Point(Guid.NewGuid(), TestVectors.RandomUnit(1, 4, i)[0], ("i", (long)i))).ToList();

        await collection.UpsertAsync(batch, Token);
        await collection.UpsertAsync(batch, Token);

        Assert.Equal(20, await collection.CountAsync(cancellationToken: Token));
        var all = await collection.ScrollAsync(null, 100, cancellationToken: Token);
        Assert.Equal(batch.Select(p => p.Id).Order(), all.Records.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Deleting_by_id_removes_only_those_points_and_ignores_unknown_ids()
    {
        var collection = await CreateCollectionAsync("delete-ids");
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        await collection.UpsertAsync([.. ids.Select((id, i) => Point(id, TestVectors.RandomUnit(1, 4, i)[0]))], Token);

        await collection.DeleteAsync([ids[1], ids[3], Guid.NewGuid()], Token);

        Assert.Equal(3, await collection.CountAsync(cancellationToken: Token));
        Assert.Empty(await collection.GetAsync([ids[1], ids[3]], cancellationToken: Token));
        var hits = await collection.SearchAsync(TestVectors.RandomUnit(1, 4, 1)[0], 5, cancellationToken: Token);
        Assert.Equal(new[] { ids[0], ids[2], ids[4] }.Order(), hits.Select(h => h.Record.Id).Order());
    }

    [Fact]
    public async Task Deleting_by_filter_removes_exactly_the_matching_points()
    {
        var collection = await CreateCollectionAsync("delete-filter");
        var points = Enumerable.Range(0, 10).Select(i => Point(Guid.NewGuid(), TestVectors.RandomUnit(1, 4, i)[0], ("parity", i % 2 == 0 ? "even" : "odd"))).ToList();
        await collection.UpsertAsync(points, Token);

        await collection.DeleteAsync(VectorFilter.All(new MatchCondition("parity", "odd")), Token);

        var left = await collection.ScrollAsync(null, 100, cancellationToken: Token);
        Assert.Equal(5, left.Records.Count);
        Assert.All(left.Records, r => Assert.Equal("even", r.Payload["parity"]));
    }

    [Fact]
    public async Task Scrolling_visits_every_point_exactly_once_in_id_order()
    {
        var collection = await CreateCollectionAsync("scroll");
        var points = Enumerable.Range(0, 57).Select(i => Point(Guid.NewGuid(), TestVectors.RandomUnit(1, 4, i)[0], ("i", (long)i))).ToList();
        await collection.UpsertAsync(points, Token);

        var seen = new List<Guid>();
        Guid? offset = null;
        var pages = 0;
        do
        {
            var page = await collection.ScrollAsync(null, 10, offset, cancellationToken: Token);
            Assert.InRange(page.Records.Count, 1, 10);
            seen.AddRange(page.Records.Select(r => r.Id));
            offset = page.NextOffset;
            pages++;
        }
        while (offset is not null && pages < 100);

        Assert.Equal(6, pages);
        Assert.Equal(points.Select(p => p.Id).Order(), seen);
    }

    [Fact]
    public async Task Scrolling_with_a_filter_pages_through_the_matching_points_only()
    {
        var collection = await CreateCollectionAsync("scroll-filter");
        var points = Enumerable.Range(0, 30).Select(i => Point(Guid.NewGuid(), TestVectors.RandomUnit(1, 4, i)[0], ("group", (long)(i % 3)))).ToList();
        await collection.UpsertAsync(points, Token);
        var filter = VectorFilter.All(new MatchCondition("group", 1L));

        var first = await collection.ScrollAsync(filter, 6, cancellationToken: Token);
        var second = await collection.ScrollAsync(filter, 6, first.NextOffset, includeVectors: true, Token);

        Assert.Equal(6, first.Records.Count);
        Assert.NotNull(first.NextOffset);
        Assert.Equal(4, second.Records.Count);
        Assert.Null(second.NextOffset);
        Assert.All(first.Records.Concat(second.Records), r => Assert.Equal(1L, r.Payload["group"]));
        Assert.All(second.Records, r => Assert.Equal(4, r.Vector.Length));
        Assert.Equal(10, first.Records.Concat(second.Records).Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Counting_with_a_filter_counts_only_matching_points()
    {
        var collection = await CreateCollectionAsync("count");
        await collection.UpsertAsync(
            [.. Enumerable.Range(0, 12).Select(i => Point(Guid.NewGuid(), TestVectors.RandomUnit(1, 4, i)[0], ("size", (long)i)))],
            Token);

        Assert.Equal(12, await collection.CountAsync(cancellationToken: Token));
        Assert.Equal(4, await collection.CountAsync(VectorFilter.All(new RangeCondition("size", GreaterThanOrEqual: 8)), Token));
    }
}

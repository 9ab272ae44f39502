using Baize.TestSupport;
using Baize.Vectors.Embedded;
using Baize.Vectors.Filters;
using Baize.Vectors.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>What the database file keeps across reopening, and what a second store on the same file (standing in for
/// another process: its own SQLite connections, its own in-memory copies) sees of the first one's work.</summary>
public sealed class EmbeddedPersistenceTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reopening_the_file_keeps_collections_points_payloads_and_aliases()
    {
        var vectors = TestVectors.RandomUnit(100, 8, seed: 1);
        var ids = vectors.Select(_ => Guid.NewGuid()).ToArray();
        IReadOnlyList<VectorSearchResult> before;
        await using (var store = Open())
        {
            var exact = store.GetCollection("exact");
            await exact.EnsureCollectionExistsAsync(new VectorCollectionDefinition(8, IndexedFields: [new PayloadIndex("i", PayloadFieldKind.Integer)]), Token);
            await exact.UpsertAsync([.. vectors.Select((v, i) => Record(ids[i], v, ("i", (long)i), ("half", i / 2.0), ("tags", new object[] { "x", "y" })))], Token);
            await exact.DeleteAsync([ids[0]], Token);
            var int8 = store.GetCollection("int8");
            await int8.EnsureCollectionExistsAsync(new VectorCollectionDefinition(8, DistanceFunction.DotProduct, VectorQuantization.Int8), Token);
            await int8.UpsertAsync([Record(ids[1], vectors[1])], Token);
            await store.SwitchAliasAsync("live", "exact", Token);
            before = await exact.SearchAsync(vectors[5], 10, new VectorSearchOptions { IncludeVectors = true }, Token);
        }

        await using (var store = Open())
        {
            Assert.Equal(["exact", "int8"], await store.ListCollectionNamesAsync(Token));
            Assert.Equal("exact", await store.GetAliasTargetAsync("live", Token));
            var live = store.GetCollection("live");
            Assert.Equal(99, await live.CountAsync(cancellationToken: Token));
            var after = await live.SearchAsync(vectors[5], 10, new VectorSearchOptions { IncludeVectors = true }, Token);
            Assert.Equal(before.Select(h => (h.Record.Id, h.Score)), after.Select(h => (h.Record.Id, h.Score)));
            Assert.Equal(before[0].Record.Vector.ToArray(), after[0].Record.Vector.ToArray());
            var record = Assert.Single(await live.GetAsync([ids[7]], cancellationToken: Token));
            Assert.Equal(7L, record.Payload["i"]);
            Assert.Equal(3.5, record.Payload["half"]);
            Assert.Equal(4.0, Assert.IsType<double>((await live.GetAsync([ids[8]], cancellationToken: Token))[0].Payload["half"]));
            Assert.True(Payload.ValuesEqual(new object[] { "x", "y" }, record.Payload["tags"]));
            Assert.Equal(ids[1], Assert.Single(await store.GetCollection("int8").SearchAsync(vectors[1], 3, cancellationToken: Token)).Record.Id);
            Assert.Empty(await live.GetAsync([ids[0]], cancellationToken: Token));
        }
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_sees_the_first_stores_writes_deletes_and_aliases()
    {
        await using var writer = Open();
        await using var reader = Open();
        var mine = writer.GetCollection("shared");
        var theirs = reader.GetCollection("shared");
        Assert.False(await theirs.CollectionExistsAsync(Token));

        await mine.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4, DistanceFunction.DotProduct), Token);
        await mine.UpsertAsync([Record(Guid.NewGuid(), [1, 0, 0, 0], ("kind", "a")), Record(Guid.NewGuid(), [0, 1, 0, 0], ("kind", "b"))], Token);
        Assert.Equal(2, await theirs.CountAsync(cancellationToken: Token));

        // Both stores now hold loaded copies; each must see the other's writes on its next operation.
        var late = Guid.NewGuid();
        await theirs.UpsertAsync([Record(late, [0, 0, 1, 0], ("kind", "c"))], Token);
        await mine.UpsertAsync([Record(Guid.NewGuid(), [0, 0, 0, 1], ("kind", "d"))], Token);
        Assert.Equal(late, (await mine.SearchAsync(new float[] { 0, 0, 1, 0 }, 1, cancellationToken: Token))[0].Record.Id);
        Assert.Equal(4, await theirs.CountAsync(cancellationToken: Token));

        await mine.DeleteAsync(VectorFilter.All(new MatchCondition("kind", "a")), Token);
        await mine.DeleteAsync([late], Token);
        Assert.Equal(["b", "d"], (await theirs.ScrollAsync(null, 10, cancellationToken: Token)).Records.Select(r => (string)r.Payload["kind"]).Order());

        await writer.GetCollection("next").EnsureCollectionExistsAsync(new VectorCollectionDefinition(2), Token);
        await writer.SwitchAliasAsync("live", "shared", Token);
        Assert.Equal("shared", await reader.GetAliasTargetAsync("live", Token));
        await writer.SwitchAliasAsync("live", "next", Token);
        Assert.Equal("next", await reader.GetAliasTargetAsync("live", Token));

        // Re-created under the same name with another dimension: the reader drops its old copy.
        await mine.EnsureCollectionDeletedAsync(Token);
        Assert.False(await theirs.CollectionExistsAsync(Token));
        await mine.EnsureCollectionExistsAsync(new VectorCollectionDefinition(2), Token);
        Assert.Equal(0, await theirs.CountAsync(cancellationToken: Token));
        await ThrowsAsync(VectorStoreErrorKind.InvalidRequest, () => theirs.SearchAsync(new float[] { 1, 0, 0, 0 }, 1, cancellationToken: Token));
        Assert.Equal(["next", "shared"], await reader.ListCollectionNamesAsync(Token));
    }

    [Fact]
    public async Task A_store_that_missed_pruned_tombstones_reloads_the_collection_in_full()
    {
        await using var writer = Open(tombstoneLimit: 4);
        await using var reader = Open(tombstoneLimit: 4);
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        var mine = writer.GetCollection("pruned");
        await mine.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4), Token);
        await mine.UpsertAsync([.. ids.Select((id, i) => Record(id, TestVectors.RandomUnit(1, 4, i)[0]))], Token);
        var theirs = reader.GetCollection("pruned");
        Assert.Equal(20, await theirs.CountAsync(cancellationToken: Token));

        // Three deletes of three points each: the second crosses the limit of 4 and drops every tombstone, so the
        // reader, still at the upsert, has to reload rather than replay.
        await mine.DeleteAsync(ids[..3], Token);
        await mine.DeleteAsync(ids[3..6], Token);
        await mine.DeleteAsync(ids[6..9], Token);

        Assert.Equal(11, await theirs.CountAsync(cancellationToken: Token));
        Assert.Empty(await theirs.GetAsync(ids[..9], cancellationToken: Token));
        Assert.Equal(11, (await theirs.GetAsync(ids, cancellationToken: Token)).Count);
    }

    [Fact]
    public async Task A_batch_with_one_bad_record_writes_nothing()
    {
        await using var store = Open();
        var collection = store.GetCollection("atomic");
        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4), Token);
        var kept = Guid.NewGuid();
        await collection.UpsertAsync([Record(kept, [1, 0, 0, 0], ("v", 1L))], Token);
        var good = Enumerable.Range(0, 10).Select(i => Record(Guid.NewGuid(), [1, i, 0, 0])).ToList();

        await ThrowsAsync(VectorStoreErrorKind.InvalidRequest, () => collection.UpsertAsync([.. good, Record(kept, [1, 2, 3])], Token));
        await ThrowsAsync(VectorStoreErrorKind.InvalidRequest, () => collection.UpsertAsync([.. good, Record(kept, [1, float.NaN, 0, 0])], Token));
        await ThrowsAsync(VectorStoreErrorKind.InvalidRequest, () => collection.UpsertAsync([.. good, Record(kept, [1, 0, 0, 0], ("bad", new object()))], Token));

        await using var other = Open();
        foreach (var view in new[] { collection, other.GetCollection("atomic") })
        {
            var record = Assert.Single((await view.ScrollAsync(null, 100, cancellationToken: Token)).Records);
            Assert.Equal(kept, record.Id);
            Assert.Equal(1L, record.Payload["v"]);
        }
    }

    [Fact]
    public async Task An_id_given_twice_in_one_batch_keeps_the_last_record()
    {
        await using var store = Open();
        var collection = store.GetCollection("twice");
        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(2, DistanceFunction.DotProduct), Token);
        var id = Guid.NewGuid();

        await collection.UpsertAsync([Record(id, [1, 0], ("n", 1L)), Record(id, [0, 1], ("n", 2L))], Token);

        var record = Assert.Single(await collection.GetAsync([id], includeVectors: true, Token));
        Assert.Equal(2L, record.Payload["n"]);
        Assert.Equal([0f, 1f], record.Vector.ToArray());
    }

    [Fact]
    public async Task The_file_is_a_sound_sqlite_database_in_wal_mode_after_use()
    {
        var path = _directory.File("vectors.db");
        await using (var store = Open())
        {
            var collection = store.GetCollection("sound");
            await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4), Token);
            await collection.UpsertAsync([.. TestVectors.RandomUnit(50, 4, 3).Select(v => Record(Guid.NewGuid(), v))], Token);
        }

        Assert.Equal("ok", Pragma(path, "integrity_check"));
        Assert.Equal("wal", Pragma(path, "journal_mode"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_as_unavailable()
    {
        var path = _directory.File("vectors.db");
        await File.WriteAllTextAsync(path, new string('x', 4096), Token);

        var error = Assert.Throws<VectorStoreException>(() => new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = path }));

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static VectorRecord Record(Guid id, float[] vector, params (string Key, object Value)[] payload) =>
        new(id, vector, payload.ToDictionary(p => p.Key, p => p.Value));

    private static async Task ThrowsAsync(VectorStoreErrorKind kind, Func<Task> action) =>
        Assert.Equal(kind, (await Assert.ThrowsAsync<VectorStoreException>(action)).Kind);

    private static string Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma};";
        return (string)command.ExecuteScalar()!;
    }

    private EmbeddedVectorStore Open(int tombstoneLimit = 65_536) =>
        new(new EmbeddedVectorStoreOptions { DatabasePath = _directory.File("vectors.db"), TombstoneLimit = tombstoneLimit });
}

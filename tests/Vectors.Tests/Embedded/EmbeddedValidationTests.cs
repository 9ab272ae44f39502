using Baize.TestSupport;
using Baize.Vectors.Embedded;
using Baize.Vectors.Filters;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>Requests the embedded store refuses before touching anything.</summary>
public sealed class EmbeddedValidationTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private EmbeddedVectorStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = _directory.File("nested/folder/vectors.db") });
        await _store.GetCollection("c").EnsureCollectionExistsAsync(new VectorCollectionDefinition(4), Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a/b")]
    [InlineData("nul\0inside")]
    [InlineData("tab\tinside")]
    public void Collection_names_that_are_empty_or_hold_a_slash_or_control_character_are_refused(string name)
    {
        var error = Assert.Throws<VectorStoreException>(() => _store.GetCollection(name));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
    }

    [Fact]
    public async Task Names_longer_than_255_characters_are_refused_for_collections_and_aliases()
    {
        Assert.Equal(VectorStoreErrorKind.InvalidRequest, Assert.Throws<VectorStoreException>(() => _store.GetCollection(new string('a', 256))).Kind);
        var alias = await Assert.ThrowsAsync<VectorStoreException>(() => _store.SwitchAliasAsync(new string('a', 256), "c", Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, alias.Kind);
        Assert.NotNull(_store.GetCollection(new string('a', 255)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(70_000)]
    public async Task A_definition_with_an_impossible_dimension_is_refused(int dimension)
    {
        var error = await Assert.ThrowsAsync<VectorStoreException>(
            () => _store.GetCollection("d").EnsureCollectionExistsAsync(new VectorCollectionDefinition(dimension), Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.False(await _store.GetCollection("d").CollectionExistsAsync(Token));
    }

    [Fact]
    public async Task Searches_with_a_bad_query_top_or_skip_are_refused()
    {
        var collection = _store.GetCollection("c");

        await ThrowsInvalidAsync(() => collection.SearchAsync(new float[] { 1, float.PositiveInfinity, 0, 0 }, 1, cancellationToken: Token));
        await ThrowsInvalidAsync(() => collection.SearchAsync(new float[] { 1, 0, 0, 0 }, 0, cancellationToken: Token));
        await ThrowsInvalidAsync(() => collection.SearchAsync(new float[] { 1, 0, 0, 0 }, 1, new VectorSearchOptions { Skip = -1 }, Token));
        await ThrowsInvalidAsync(() => collection.ScrollAsync(null, 0, cancellationToken: Token));
    }

    [Fact]
    public async Task Filters_with_unsupported_match_values_are_refused()
    {
        var collection = _store.GetCollection("c");

        await ThrowsInvalidAsync(() => collection.CountAsync(VectorFilter.All(new MatchCondition("x", 1.5)), Token));
        await ThrowsInvalidAsync(() => collection.CountAsync(VectorFilter.All(new MatchAnyCondition("x", [new object[] { "nested" }])), Token));
        await ThrowsInvalidAsync(() => collection.CountAsync(VectorFilter.All(new MatchCondition("", "x")), Token));
    }

    [Fact]
    public async Task Operations_on_a_disposed_store_fail_clearly()
    {
        var collection = _store.GetCollection("c");
        await _store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => collection.CountAsync(cancellationToken: Token));
        Assert.Throws<ObjectDisposedException>(() => _store.GetCollection("c"));
    }

    [Fact]
    public async Task A_cancelled_token_cancels_before_any_work()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _store.GetCollection("c").UpsertAsync([new VectorRecord(Guid.NewGuid(), new float[] { 1, 0, 0, 0 }, Payload.Empty)], cancelled.Token));

        Assert.Equal(0, await _store.GetCollection("c").CountAsync(cancellationToken: Token));
    }

    private static async Task ThrowsInvalidAsync(Func<Task> action) =>
        Assert.Equal(VectorStoreErrorKind.InvalidRequest, (await Assert.ThrowsAsync<VectorStoreException>(action)).Kind);
}

using System.Net;
using Baize.Vectors.Qdrant.Tests.Support;

namespace Baize.Vectors.Qdrant.Tests;

/// <summary>Collections listing, aliases and headers, against <see cref="QdrantRestDouble"/>.</summary>
public sealed class QdrantVectorStoreRequestTests : IDisposable
{
    private readonly QdrantRestDouble _server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task List_returns_collection_names_in_ordinal_order()
    {
        _server.On(HttpMethod.Get, "/collections", DoubleResponse.Result("""{"collections":[{"name":"images"},{"name":"Audio"},{"name":"audio"}]}"""));

        var names = await DoubleStores.Plain(_server).ListCollectionNamesAsync(Token);

        Assert.Equal(["Audio", "audio", "images"], names);
    }

    [Fact]
    public async Task Switch_alias_checks_the_collection_then_deletes_and_creates_in_one_request()
    {
        _server.On(HttpMethod.Get, "/collections/docs-v2", DoubleResponse.CollectionInfo(128, "Cosine"))
            .On(HttpMethod.Post, "/collections/aliases", DoubleResponse.True);

        await DoubleStores.Plain(_server).SwitchAliasAsync("docs", "docs-v2", Token);

        Assert.Equal(["GET /collections/docs-v2", "POST /collections/aliases"], _server.Requests.Select(request => request.ToString()));
        JsonAssert.Equal(
            """
            {"actions":[{"delete_alias":{"alias_name":"docs"}},
                        {"create_alias":{"collection_name":"docs-v2","alias_name":"docs"}}]}
            """,
            _server.OnlyRequest(HttpMethod.Post, "/collections/aliases").Body);
    }

    [Fact]
    public async Task Switch_alias_to_a_missing_collection_is_not_found_and_changes_nothing()
    {
        _server.On(HttpMethod.Get, "/collections/docs-v3", DoubleResponse.NotFoundCollection("docs-v3"));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => DoubleStores.Plain(_server).SwitchAliasAsync("docs", "docs-v3", Token));

        Assert.Equal(VectorStoreErrorKind.NotFound, error.Kind);
        Assert.Contains("docs-v3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Count(HttpMethod.Post, "/collections/aliases"));
    }

    [Fact]
    public async Task Switch_alias_named_like_a_collection_is_a_conflict()
    {
        _server.On(HttpMethod.Get, "/collections/docs-v2", DoubleResponse.CollectionInfo(128, "Cosine"))
            .On(HttpMethod.Post, "/collections/aliases", DoubleResponse.Error(HttpStatusCode.Conflict, "Wrong input: Collection `images` already exists!"));

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => DoubleStores.Plain(_server).SwitchAliasAsync("images", "docs-v2", Token));

        Assert.Equal(VectorStoreErrorKind.Conflict, error.Kind);
        Assert.Contains("Collection `images` already exists!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_target_is_read_from_the_alias_list()
    {
        _server.On(HttpMethod.Get, "/aliases", DoubleResponse.Result(
            """{"aliases":[{"alias_name":"docs","collection_name":"docs-v2"},{"alias_name":"images","collection_name":"images-v7"}]}"""));
        var store = DoubleStores.Plain(_server);

        Assert.Equal("docs-v2", await store.GetAliasTargetAsync("docs", Token));
        Assert.Null(await store.GetAliasTargetAsync("audio", Token));
        Assert.Null(await store.GetAliasTargetAsync("Docs", Token));
    }

    [Fact]
    public async Task Delete_alias_sends_one_delete_alias_action()
    {
        _server.On(HttpMethod.Post, "/collections/aliases", DoubleResponse.True);

        await DoubleStores.Plain(_server).DeleteAliasAsync("docs", Token);

        JsonAssert.Equal("""{"actions":[{"delete_alias":{"alias_name":"docs"}}]}""", _server.OnlyRequest(HttpMethod.Post, "/collections/aliases").Body);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\0b")]
    [InlineData("")]
    public async Task Alias_names_qdrant_refuses_are_refused_before_any_request(string name)
    {
        var store = DoubleStores.Plain(_server);

        var switched = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync(name, "docs", Token));
        var deleted = await Assert.ThrowsAsync<VectorStoreException>(() => store.DeleteAliasAsync(name, Token));
        var read = await Assert.ThrowsAsync<VectorStoreException>(() => store.GetAliasTargetAsync(name, Token));
        var target = await Assert.ThrowsAsync<VectorStoreException>(() => store.SwitchAliasAsync("docs", name, Token));

        Assert.All([switched, deleted, read, target], error => Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task The_api_key_goes_in_the_api_key_header_when_configured()
    {
        _server.On(HttpMethod.Get, "/collections", DoubleResponse.Result("""{"collections":[]}"""));

        await DoubleStores.Plain(_server, options => options.ApiKey = "s3cret").ListCollectionNamesAsync(Token);
        await DoubleStores.Plain(_server).ListCollectionNamesAsync(Token);

        Assert.Equal("s3cret", _server.Requests[0].Header("api-key"));
        Assert.Null(_server.Requests[1].Header("api-key"));
    }

    [Fact]
    public async Task A_url_with_a_path_prefix_keeps_it()
    {
        _server.On(HttpMethod.Get, "/qdrant/collections", DoubleResponse.Result("""{"collections":[]}"""));

        await DoubleStores.Plain(_server, options => options.Url = new Uri("http://proxy.test/qdrant")).ListCollectionNamesAsync(Token);

        Assert.Equal(1, _server.Count(HttpMethod.Get, "/qdrant/collections"));
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DoubleStores.Plain(_server, options =>
        {
            options.Url = new Uri("ftp://qdrant.test");
            options.UpsertBatchSize = 0;
        }));

        Assert.Contains("Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("UpsertBatchSize", error.Message, StringComparison.Ordinal);
    }
}

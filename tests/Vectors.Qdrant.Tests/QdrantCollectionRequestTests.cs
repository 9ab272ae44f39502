using System.Net;
using Baize.Vectors.Filters;
using Baize.Vectors.Qdrant.Tests.Support;

namespace Baize.Vectors.Qdrant.Tests;

/// <summary>What the collection sends to Qdrant and how it reads the answers, against <see cref="QdrantRestDouble"/>.</summary>
public sealed class QdrantCollectionRequestTests : IDisposable
{
    private static readonly Guid First = Guid.Parse("0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e");
    private static readonly Guid Second = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    private readonly QdrantRestDouble _server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Ensure_creates_a_missing_collection_with_size_distance_and_payload_indexes()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.NotFoundCollection("docs"))
            .On(HttpMethod.Put, "/collections/docs", DoubleResponse.True)
            .On(HttpMethod.Put, "/collections/docs/index", DoubleResponse.True);
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        await collection.EnsureCollectionExistsAsync(
            new VectorCollectionDefinition(128, DistanceFunction.Cosine, IndexedFields: [new("modality", PayloadFieldKind.Keyword), new("year", PayloadFieldKind.Integer)]),
            Token);

        Assert.Equal(
            ["GET /collections/docs", "PUT /collections/docs", "PUT /collections/docs/index?wait=true", "PUT /collections/docs/index?wait=true"],
            _server.Requests.Select(request => request.ToString()));
        var create = _server.OnlyRequest(HttpMethod.Put, "/collections/docs");
        JsonAssert.Equal("""{"vectors":{"size":128,"distance":"Cosine"}}""", create.Body);
        Assert.Equal("application/json", create.ContentType);
        var indexes = _server.Requests.Where(request => request.Path == "/collections/docs/index").ToArray();
        JsonAssert.Equal("""{"field_name":"modality","field_schema":"keyword"}""", indexes[0].Body);
        JsonAssert.Equal("""{"field_name":"year","field_schema":"integer"}""", indexes[1].Body);
    }

    [Fact]
    public async Task Ensure_creates_an_int8_collection_with_scalar_quantization()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.NotFoundCollection("docs"))
            .On(HttpMethod.Put, "/collections/docs", DoubleResponse.True);
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(64, DistanceFunction.DotProduct, VectorQuantization.Int8), Token);

        JsonAssert.Equal(
            """
            {"vectors":{"size":64,"distance":"Dot"},
             "quantization_config":{"scalar":{"type":"int8","quantile":0.99,"always_ram":true}}}
            """,
            _server.OnlyRequest(HttpMethod.Put, "/collections/docs").Body);
    }

    [Fact]
    public async Task Ensure_accepts_an_existing_collection_of_the_same_shape_and_adds_only_missing_indexes()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(128, "Cosine", indexedFields: "modality"))
            .On(HttpMethod.Put, "/collections/docs/index", DoubleResponse.True);
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        await collection.EnsureCollectionExistsAsync(
            new VectorCollectionDefinition(128, IndexedFields: [new("modality", PayloadFieldKind.Keyword), new("rating", PayloadFieldKind.Float)]),
            Token);

        Assert.Equal(0, _server.Count(HttpMethod.Put, "/collections/docs"));
        JsonAssert.Equal("""{"field_name":"rating","field_schema":"float"}""", _server.OnlyRequest(HttpMethod.Put, "/collections/docs/index").Body);
    }

    [Theory]
    [InlineData(64, "Cosine", "dimension 64")]
    [InlineData(128, "Dot", "distance DotProduct")]
    [InlineData(128, "Euclid", "Euclid")]
    public async Task Ensure_throws_conflict_when_the_existing_collection_differs(int size, string distance, string expected)
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(size, distance));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var error = await Assert.ThrowsAsync<VectorStoreException>(
            () => collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(128, DistanceFunction.Cosine), Token));

        Assert.Equal(VectorStoreErrorKind.Conflict, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'docs'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.Count(HttpMethod.Put, "/collections/docs"));
    }

    [Fact]
    public async Task Ensure_reads_a_409_on_create_as_created_concurrently_and_checks_it()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.NotFoundCollection("docs"), DoubleResponse.CollectionInfo(128, "Cosine"))
            .On(HttpMethod.Put, "/collections/docs", DoubleResponse.Error(HttpStatusCode.Conflict, "Wrong input: Collection `docs` already exists!"));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(128), Token);

        Assert.Equal(["GET /collections/docs", "PUT /collections/docs", "GET /collections/docs"], _server.Requests.Select(request => request.ToString()));
    }

    [Fact]
    public async Task Ensure_after_a_409_still_refuses_a_collection_of_another_shape()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.NotFoundCollection("docs"), DoubleResponse.CollectionInfo(32, "Cosine"))
            .On(HttpMethod.Put, "/collections/docs", DoubleResponse.Error(HttpStatusCode.Conflict, "Wrong input: Collection `docs` already exists!"));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(128), Token));

        Assert.Equal(VectorStoreErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task Ensure_refuses_a_zero_dimension_before_any_request()
    {
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(0), Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Exists_reads_the_collection_and_treats_404_as_missing()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(8, "Cosine"))
            .On(HttpMethod.Get, "/collections/gone", DoubleResponse.NotFoundCollection("gone"));
        var store = DoubleStores.Plain(_server);

        Assert.True(await store.GetCollection("docs").CollectionExistsAsync(Token));
        Assert.False(await store.GetCollection("gone").CollectionExistsAsync(Token));
    }

    [Fact]
    public async Task Deleting_a_missing_collection_is_not_an_error()
    {
        _server.On(HttpMethod.Delete, "/collections/gone", DoubleResponse.NotFoundCollection("gone"));

        await DoubleStores.Plain(_server).GetCollection("gone").EnsureCollectionDeletedAsync(Token);

        Assert.Equal(1, _server.Count(HttpMethod.Delete, "/collections/gone"));
    }

    [Fact]
    public async Task Upsert_sends_uuid_ids_vectors_and_payload_and_waits()
    {
        _server.On(HttpMethod.Put, "/collections/docs/points", DoubleResponse.Completed);
        var collection = DoubleStores.Plain(_server).GetCollection("docs");
        var payload = new Dictionary<string, object>
        {
            ["modality"] = "image",
            ["year"] = 2024,
            ["rating"] = 0.75,
            ["public"] = true,
            ["tags"] = new[] { "red", "shirt" },
            ["sizes"] = new List<long> { 38, 40 },
        };

        await collection.UpsertAsync([new VectorRecord(First, Floats.Of(0.5f, -0.25f, 1f), payload), new VectorRecord(Second, Floats.Of(0f, 1f, 0f), Payload.Empty)], Token);

        var upsert = _server.OnlyRequest(HttpMethod.Put, "/collections/docs/points");
        Assert.Equal("wait=true", upsert.Query);
        JsonAssert.Equal(
            """
            {"points":[
              {"id":"0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","vector":[0.5,-0.25,1],
               "payload":{"modality":"image","year":2024,"rating":0.75,"public":true,"tags":["red","shirt"],"sizes":[38,40]}},
              {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","vector":[0,1,0],"payload":{}}]}
            """,
            upsert.Body);
    }

    [Fact]
    public async Task Upsert_splits_batches_by_count_and_keeps_their_order()
    {
        _server.On(HttpMethod.Put, "/collections/docs/points", DoubleResponse.Completed);
        var collection = DoubleStores.Plain(_server, options => options.UpsertBatchSize = 2).GetCollection("docs");
        var records = Enumerable.Range(0, 5).Select(i => new VectorRecord(Guid.NewGuid(), Floats.Of(i, 1f), Payload.Empty)).ToArray();

        await collection.UpsertAsync(records, Token);

        var batches = _server.Requests.Select(request => request.Json["points"]!.AsArray().Select(point => Guid.Parse(point!["id"]!.GetValue<string>())).ToArray()).ToArray();
        Assert.Equal([2, 2, 1], batches.Select(batch => batch.Length));
        Assert.Equal(records.Select(record => record.Id), batches.SelectMany(batch => batch));
        Assert.All(_server.Requests, request => Assert.Equal("wait=true", request.Query));
    }

    [Fact]
    public async Task Upsert_splits_batches_that_would_exceed_the_request_size_limit()
    {
        _server.On(HttpMethod.Put, "/collections/docs/points", DoubleResponse.Completed);
        const int limit = 8192;
        var collection = DoubleStores.Plain(_server, options => options.MaxRequestBytes = limit).GetCollection("docs");
        var random = new Random(7);
        var records = Enumerable.Range(0, 40)
            .Select(_ => new VectorRecord(Guid.NewGuid(), Enumerable.Range(0, 128).Select(_ => random.NextSingle()).ToArray(), Payload.Empty))
            .ToArray();

        await collection.UpsertAsync(records, Token);

        Assert.True(_server.Requests.Count > 1);
        Assert.All(_server.Requests, request => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(request.Body!), 1, limit));
        Assert.Equal(
            records.Select(record => record.Id),
            _server.Requests.SelectMany(request => request.Json["points"]!.AsArray().Select(point => Guid.Parse(point!["id"]!.GetValue<string>()))));
    }

    [Fact]
    public async Task Upsert_refuses_vectors_of_mixed_lengths_before_sending_anything()
    {
        var collection = DoubleStores.Plain(_server, options => options.UpsertBatchSize = 1).GetCollection("docs");

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => collection.UpsertAsync(
            [new VectorRecord(First, Floats.Of(1f, 0f), Payload.Empty), new VectorRecord(Second, Floats.Of(1f, 0f, 0f), Payload.Empty)], Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(Second.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Upsert_refuses_an_unsupported_payload_value_before_sending_anything()
    {
        var collection = DoubleStores.Plain(_server).GetCollection("docs");
        var payload = new Dictionary<string, object> { ["when"] = DateTime.UnixEpoch };

        var error = await Assert.ThrowsAsync<VectorStoreException>(
            () => collection.UpsertAsync([new VectorRecord(First, Floats.Of(1f), payload)], Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Upsert_refuses_a_payload_number_json_cannot_carry()
    {
        var collection = DoubleStores.Plain(_server).GetCollection("docs");
        var payload = new Dictionary<string, object> { ["score"] = double.NaN };

        var error = await Assert.ThrowsAsync<VectorStoreException>(
            () => collection.UpsertAsync([new VectorRecord(First, Floats.Of(1f), payload)], Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Ensure_quotes_index_field_names_qdrant_would_read_as_paths()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(4, "Cosine", indexedFields: "\"media.type\""))
            .On(HttpMethod.Put, "/collections/docs/index", DoubleResponse.True);
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        await collection.EnsureCollectionExistsAsync(
            new VectorCollectionDefinition(4, IndexedFields: [new("media.type", PayloadFieldKind.Keyword), new("is public", PayloadFieldKind.Bool)]), Token);

        JsonAssert.Equal("""{"field_name":"\"is public\"","field_schema":"bool"}""", _server.OnlyRequest(HttpMethod.Put, "/collections/docs/index").Body);
    }

    [Fact]
    public async Task Upserting_nothing_sends_nothing()
    {
        await DoubleStores.Plain(_server).GetCollection("docs").UpsertAsync([], Token);

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Upsert_maps_qdrants_vector_dimension_error_to_invalid_request_with_its_message()
    {
        _server.On(HttpMethod.Put, "/collections/docs/points",
            DoubleResponse.Error(HttpStatusCode.BadRequest, "Wrong input: Vector dimension error: expected dim: 128, got 3"));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var error = await Assert.ThrowsAsync<VectorStoreException>(
            () => collection.UpsertAsync([new VectorRecord(First, Floats.Of(1f, 2f, 3f), Payload.Empty)], Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("Wrong input: Vector dimension error: expected dim: 128, got 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("PUT /collections/docs/points", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_posts_a_query_with_filter_limit_offset_threshold_and_payload()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(3, "Cosine"))
            .On(HttpMethod.Post, "/collections/docs/points/query", DoubleResponse.Result("""{"points":[]}"""));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");
        var options = new VectorSearchOptions
        {
            Filter = new VectorFilter
            {
                Must = [new MatchCondition("modality", "image")],
                Should = [new RangeCondition("year", GreaterThanOrEqual: 2020), new MatchAnyCondition("colour", ["red", "blue"])],
                MustNot = [new HasIdCondition([First])],
            },
            Skip = 10,
            ScoreThreshold = 0.25f,
        };

        var results = await collection.SearchAsync(Floats.Of(0.5f, 0.25f, 1f), 5, options, Token);

        Assert.Empty(results);
        JsonAssert.Equal(
            """
            {"query":[0.5,0.25,1],
             "filter":{"must":[{"key":"modality","match":{"value":"image"}}],
                       "should":[{"key":"year","range":{"gte":2020}},{"key":"colour","match":{"any":["red","blue"]}}],
                       "must_not":[{"has_id":["0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e"]}]},
             "limit":5,"offset":10,"score_threshold":0.25,"with_payload":true,"with_vector":false}
            """,
            _server.OnlyRequest(HttpMethod.Post, "/collections/docs/points/query").Body);
    }

    [Fact]
    public async Task Search_on_an_int8_collection_rescores_with_oversampling()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.NotFoundCollection("docs"))
            .On(HttpMethod.Put, "/collections/docs", DoubleResponse.True)
            .On(HttpMethod.Post, "/collections/docs/points/query", DoubleResponse.Result("""{"points":[]}"""));
        var store = DoubleStores.Plain(_server);
        await store.GetCollection("docs").EnsureCollectionExistsAsync(new VectorCollectionDefinition(2, Quantization: VectorQuantization.Int8), Token);

        // A second handle on the same collection: the store remembers the quantization, so no second GET.
        await store.GetCollection("docs").SearchAsync(Floats.Of(1f, 0f), 3, new VectorSearchOptions { IncludeVectors = true }, Token);

        Assert.Equal(1, _server.Count(HttpMethod.Get, "/collections/docs"));
        JsonAssert.Equal(
            """
            {"query":[1,0],"limit":3,"offset":0,"with_payload":true,"with_vector":true,
             "params":{"quantization":{"rescore":true,"oversampling":2.0}}}
            """,
            _server.OnlyRequest(HttpMethod.Post, "/collections/docs/points/query").Body);
    }

    [Fact]
    public async Task Search_learns_an_existing_collections_quantization_once()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(2, "Cosine", quantized: true))
            .On(HttpMethod.Post, "/collections/docs/points/query", DoubleResponse.Result("""{"points":[]}"""));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        await collection.SearchAsync(Floats.Of(1f, 0f), 3, cancellationToken: Token);
        await collection.SearchAsync(Floats.Of(0f, 1f), 3, cancellationToken: Token);

        Assert.Equal(1, _server.Count(HttpMethod.Get, "/collections/docs"));
        Assert.All(
            _server.Requests.Where(request => request.Path.EndsWith("/query", StringComparison.Ordinal)),
            request => Assert.True(request.Json["params"]!["quantization"]!["rescore"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Search_reads_scored_points_with_payload_types_and_vectors()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(2, "Dot"))
            .On(HttpMethod.Post, "/collections/docs/points/query", DoubleResponse.Result(
                """
                {"points":[
                  {"id":"0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","version":3,"score":0.875,
                   "payload":{"caption":"a red shirt","year":2024,"rating":4.5,"public":false,"tags":["red","shirt"],"sizes":[38,40],"big":9007199254740993},
                   "vector":[0.6,0.8]},
                  {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","version":1,"score":-0.5,"payload":{},"vector":[1.0,0.0]}]}
                """));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var results = await collection.SearchAsync(Floats.Of(1f, 0f), 2, new VectorSearchOptions { IncludeVectors = true }, Token);

        Assert.Equal([First, Second], results.Select(result => result.Record.Id));
        Assert.Equal([0.875f, -0.5f], results.Select(result => result.Score));
        Assert.Equal([0.6f, 0.8f], results[0].Record.Vector.ToArray());
        var payload = results[0].Record.Payload;
        Assert.Equal("a red shirt", Assert.IsType<string>(payload["caption"]));
        Assert.Equal(2024L, Assert.IsType<long>(payload["year"]));
        Assert.Equal(9007199254740993L, Assert.IsType<long>(payload["big"]));
        Assert.Equal(4.5, Assert.IsType<double>(payload["rating"]));
        Assert.False(Assert.IsType<bool>(payload["public"]));
        Assert.Equal(["red", "shirt"], Assert.IsAssignableFrom<IReadOnlyList<object>>(payload["tags"]));
        Assert.Equal([38L, 40L], Assert.IsAssignableFrom<IReadOnlyList<object>>(payload["sizes"]));
        Assert.Empty(results[1].Record.Payload);
    }

    [Fact]
    public async Task Search_without_vectors_reads_records_with_empty_vectors()
    {
        _server.On(HttpMethod.Get, "/collections/docs", DoubleResponse.CollectionInfo(2, "Cosine"))
            .On(HttpMethod.Post, "/collections/docs/points/query", DoubleResponse.Result(
                """{"points":[{"id":"0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","version":0,"score":0.5,"payload":{"a":"b"},"vector":null}]}"""));

        var results = await DoubleStores.Plain(_server).GetCollection("docs").SearchAsync(Floats.Of(1f, 0f), 1, cancellationToken: Token);

        Assert.True(Assert.Single(results).Record.Vector.IsEmpty);
    }

    [Fact]
    public async Task Search_on_a_missing_collection_is_not_found()
    {
        _server.On(HttpMethod.Get, "/collections/gone", DoubleResponse.NotFoundCollection("gone"));

        var error = await Assert.ThrowsAsync<VectorStoreException>(
            () => DoubleStores.Plain(_server).GetCollection("gone").SearchAsync(Floats.Of(1f), 1, cancellationToken: Token));

        Assert.Equal(VectorStoreErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Search_refuses_a_top_below_one_and_a_negative_skip()
    {
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var top = await Assert.ThrowsAsync<VectorStoreException>(() => collection.SearchAsync(Floats.Of(1f), 0, cancellationToken: Token));
        var skip = await Assert.ThrowsAsync<VectorStoreException>(() => collection.SearchAsync(Floats.Of(1f), 1, new VectorSearchOptions { Skip = -1 }, Token));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, top.Kind);
        Assert.Equal(VectorStoreErrorKind.InvalidRequest, skip.Kind);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Scroll_pages_with_next_page_offset_until_it_is_null()
    {
        _server.On(HttpMethod.Post, "/collections/docs/points/scroll",
            DoubleResponse.Result(
                """
                {"points":[{"id":"0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","payload":{"n":1}}],
                 "next_page_offset":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}
                """),
            DoubleResponse.Result("""{"points":[{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","payload":{"n":2}}],"next_page_offset":null}"""));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");
        var filter = VectorFilter.All(new MatchCondition("modality", "text"));

        var first = await collection.ScrollAsync(filter, 1, cancellationToken: Token);
        var second = await collection.ScrollAsync(filter, 1, first.NextOffset, cancellationToken: Token);

        Assert.Equal(First, Assert.Single(first.Records).Id);
        Assert.Equal(Second, first.NextOffset);
        Assert.Equal(2L, Assert.Single(second.Records).Payload["n"]);
        Assert.Null(second.NextOffset);
        var requests = _server.Requests;
        JsonAssert.Equal(
            """{"filter":{"must":[{"key":"modality","match":{"value":"text"}}]},"limit":1,"with_payload":true,"with_vector":false}""",
            requests[0].Body);
        JsonAssert.Equal(
            """
            {"filter":{"must":[{"key":"modality","match":{"value":"text"}}]},"limit":1,
             "offset":"7c9e6679-7425-40de-944b-e07fc1f90ae7","with_payload":true,"with_vector":false}
            """,
            requests[1].Body);
    }

    [Fact]
    public async Task Count_asks_for_an_exact_count()
    {
        _server.On(HttpMethod.Post, "/collections/docs/points/count", DoubleResponse.Result("""{"count":42}"""));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var all = await collection.CountAsync(cancellationToken: Token);
        var images = await collection.CountAsync(VectorFilter.All(new MatchCondition("modality", "image")), Token);

        Assert.Equal(42L, all);
        Assert.Equal(42L, images);
        JsonAssert.Equal("""{"exact":true}""", _server.Requests[0].Body);
        JsonAssert.Equal("""{"filter":{"must":[{"key":"modality","match":{"value":"image"}}]},"exact":true}""", _server.Requests[1].Body);
    }

    [Fact]
    public async Task Get_posts_the_ids_and_reads_the_records_that_exist()
    {
        _server.On(HttpMethod.Post, "/collections/docs/points", DoubleResponse.Result(
            """[{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","payload":{"modality":"audio"},"vector":[0.0,1.0]}]"""));
        var collection = DoubleStores.Plain(_server).GetCollection("docs");

        var records = await collection.GetAsync([First, Second], includeVectors: true, Token);

        var record = Assert.Single(records);
        Assert.Equal(Second, record.Id);
        Assert.Equal("audio", record.Payload["modality"]);
        Assert.Equal([0f, 1f], record.Vector.ToArray());
        JsonAssert.Equal(
            """{"ids":["0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","7c9e6679-7425-40de-944b-e07fc1f90ae7"],"with_payload":true,"with_vector":true}""",
            _server.OnlyRequest(HttpMethod.Post, "/collections/docs/points").Body);
    }

    [Fact]
    public async Task Getting_no_ids_sends_nothing()
    {
        Assert.Empty(await DoubleStores.Plain(_server).GetCollection("docs").GetAsync([], cancellationToken: Token));

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Delete_by_ids_sends_the_points_and_waits()
    {
        _server.On(HttpMethod.Post, "/collections/docs/points/delete", DoubleResponse.Completed);

        await DoubleStores.Plain(_server).GetCollection("docs").DeleteAsync([First, Second], Token);

        var delete = _server.OnlyRequest(HttpMethod.Post, "/collections/docs/points/delete");
        Assert.Equal("wait=true", delete.Query);
        JsonAssert.Equal("""{"points":["0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","7c9e6679-7425-40de-944b-e07fc1f90ae7"]}""", delete.Body);
    }

    [Fact]
    public async Task Delete_by_filter_sends_the_filter_and_waits()
    {
        _server.On(HttpMethod.Post, "/collections/docs/points/delete", DoubleResponse.Completed);

        await DoubleStores.Plain(_server).GetCollection("docs").DeleteAsync(
            new VectorFilter { MustNot = [new MatchAnyCondition("year", [2019L, 2020L])] }, Token);

        var delete = _server.OnlyRequest(HttpMethod.Post, "/collections/docs/points/delete");
        Assert.Equal("wait=true", delete.Query);
        JsonAssert.Equal("""{"filter":{"must_not":[{"key":"year","match":{"any":[2019,2020]}}]}}""", delete.Body);
    }

    [Fact]
    public async Task Collection_names_are_escaped_in_paths()
    {
        _server.On(HttpMethod.Post, "/collections/caf%C3%A9%20docs%3Fv%3D1%23x/points/count", DoubleResponse.Result("""{"count":0}"""));

        await DoubleStores.Plain(_server).GetCollection("café docs?v=1#x").CountAsync(cancellationToken: Token);

        Assert.Equal(1, _server.Count(HttpMethod.Post, "/collections/caf%C3%A9%20docs%3Fv%3D1%23x/points/count"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("a\0b")]
    [InlineData("..")]
    public void Names_qdrant_refuses_are_refused_before_any_request(string name)
    {
        var error = Assert.Throws<VectorStoreException>(() => DoubleStores.Plain(_server).GetCollection(name));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Empty(_server.Requests);
    }
}

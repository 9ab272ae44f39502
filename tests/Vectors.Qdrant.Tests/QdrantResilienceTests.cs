using System.Net;
using System.Net.Sockets;
using Baize.Vectors.Qdrant.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baize.Vectors.Qdrant.Tests;

/// <summary>The HttpClient that <c>AddQdrantVectorStore</c> registers retries transient failures and nothing else.</summary>
public sealed class QdrantResilienceTests : IDisposable
{
    private const string CountPath = "/collections/docs/points/count";
    private static readonly DoubleResponse CountResult = DoubleResponse.Result("""{"count":3}""");

    private readonly QdrantRestDouble _server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task A_transient_503_is_retried_until_it_succeeds()
    {
        _server.On(HttpMethod.Post, CountPath,
            DoubleResponse.Error(HttpStatusCode.ServiceUnavailable, "Service internal error: some shards are not ready"),
            DoubleResponse.Error(HttpStatusCode.ServiceUnavailable, "Service internal error: some shards are not ready"),
            CountResult);
        await using var services = DoubleStores.Registered(_server);

        var count = await Store(services).GetCollection("docs").CountAsync(cancellationToken: Token);

        Assert.Equal(3L, count);
        Assert.Equal(3, _server.Count(HttpMethod.Post, CountPath));
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Other_transient_answers_are_retried(int status)
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error((HttpStatusCode)status, "transient"), CountResult);
        await using var services = DoubleStores.Registered(_server);

        Assert.Equal(3L, await Store(services).GetCollection("docs").CountAsync(cancellationToken: Token));
        Assert.Equal(2, _server.Count(HttpMethod.Post, CountPath));
    }

    [Fact]
    public async Task A_failed_connection_is_retried()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.ConnectionRefused, CountResult);
        await using var services = DoubleStores.Registered(_server);

        Assert.Equal(3L, await Store(services).GetCollection("docs").CountAsync(cancellationToken: Token));
        Assert.Equal(2, _server.Count(HttpMethod.Post, CountPath));
    }

    [Fact]
    public async Task A_503_that_persists_is_unavailable_after_every_retry()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error(HttpStatusCode.ServiceUnavailable, "Service internal error: some shards are not ready"));
        await using var services = DoubleStores.Registered(_server, options => options.MaxRetryAttempts = 3);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => Store(services).GetCollection("docs").CountAsync(cancellationToken: Token));

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains("some shards are not ready", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, _server.Count(HttpMethod.Post, CountPath));
    }

    [Theory]
    [InlineData(400, VectorStoreErrorKind.InvalidRequest)]
    [InlineData(401, VectorStoreErrorKind.Unauthorized)]
    [InlineData(404, VectorStoreErrorKind.NotFound)]
    [InlineData(409, VectorStoreErrorKind.Conflict)]
    [InlineData(422, VectorStoreErrorKind.InvalidRequest)]
    public async Task A_client_error_is_not_retried(int status, VectorStoreErrorKind kind)
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error((HttpStatusCode)status, "Wrong input: not retried"), CountResult);
        await using var services = DoubleStores.Registered(_server);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => Store(services).GetCollection("docs").CountAsync(cancellationToken: Token));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(1, _server.Count(HttpMethod.Post, CountPath));
    }

    [Fact]
    public async Task An_upsert_is_retried_with_the_same_body_because_it_is_idempotent()
    {
        _server.On(HttpMethod.Put, "/collections/docs/points", DoubleResponse.PlainText(HttpStatusCode.BadGateway, "bad gateway"), DoubleResponse.Completed);
        await using var services = DoubleStores.Registered(_server);

        await Store(services).GetCollection("docs").UpsertAsync([new VectorRecord(Guid.NewGuid(), Floats.Of(1f, 0f), Payload.Empty)], Token);

        var attempts = _server.Requests;
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.All(attempts, attempt => Assert.Equal("wait=true", attempt.Query));
    }

    [Fact]
    public async Task No_retries_when_they_are_turned_off()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error(HttpStatusCode.ServiceUnavailable, "down"), CountResult);
        await using var services = DoubleStores.Registered(_server, options => options.MaxRetryAttempts = 0);

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => Store(services).GetCollection("docs").CountAsync(cancellationToken: Token));

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Equal(1, _server.Count(HttpMethod.Post, CountPath));
    }

    [Fact]
    public async Task The_registered_store_sends_the_api_key()
    {
        _server.On(HttpMethod.Post, CountPath, CountResult);
        await using var services = DoubleStores.Registered(_server, options => options.ApiKey = "k3y");

        await Store(services).GetCollection("docs").CountAsync(cancellationToken: Token);

        Assert.Equal("k3y", _server.OnlyRequest(HttpMethod.Post, CountPath).Header("api-key"));
    }

    [Fact]
    public async Task The_store_is_registered_once_as_the_vector_store()
    {
        await using var services = DoubleStores.Registered(_server);

        Assert.Same(services.GetRequiredService<QdrantVectorStore>(), services.GetRequiredService<VectorStore>());
    }

    [Fact]
    public async Task Invalid_options_fail_validation()
    {
        await using var services = DoubleStores.Registered(_server, options => options.RequestTimeout = TimeSpan.Zero);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<QdrantVectorStoreOptions>>().Value);

        Assert.Contains("RequestTimeout must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_standalone_store_reports_a_server_that_refuses_connections_as_unavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var store = new QdrantVectorStore(new QdrantVectorStoreOptions
        {
            Url = new Uri($"http://127.0.0.1:{port}"),
            MaxRetryAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
        });

        var error = await Assert.ThrowsAsync<VectorStoreException>(() => store.ListCollectionNamesAsync(Token));

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }

    private static VectorStore Store(IServiceProvider services) => services.GetRequiredService<VectorStore>();
}

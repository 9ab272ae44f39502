using System.Net;
using Baize.Vectors.Qdrant.Tests.Support;

namespace Baize.Vectors.Qdrant.Tests;

/// <summary>Qdrant's failures become <see cref="VectorStoreException"/>s of the right kind, with Qdrant's message.</summary>
public sealed class QdrantErrorMapperTests : IDisposable
{
    private const string CountPath = "/collections/docs/points/count";

    private readonly QdrantRestDouble _server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData(400, VectorStoreErrorKind.InvalidRequest)]
    [InlineData(401, VectorStoreErrorKind.Unauthorized)]
    [InlineData(403, VectorStoreErrorKind.Unauthorized)]
    [InlineData(404, VectorStoreErrorKind.NotFound)]
    [InlineData(405, VectorStoreErrorKind.InvalidRequest)]
    [InlineData(408, VectorStoreErrorKind.Unavailable)]
    [InlineData(409, VectorStoreErrorKind.Conflict)]
    [InlineData(413, VectorStoreErrorKind.InvalidRequest)]
    [InlineData(422, VectorStoreErrorKind.InvalidRequest)]
    [InlineData(429, VectorStoreErrorKind.Unavailable)]
    [InlineData(500, VectorStoreErrorKind.Unavailable)]
    [InlineData(503, VectorStoreErrorKind.Unavailable)]
    [InlineData(507, VectorStoreErrorKind.Unavailable)]
    public void Status_codes_map_to_error_kinds(int status, VectorStoreErrorKind kind) =>
        Assert.Equal(kind, QdrantErrorMapper.KindOf((HttpStatusCode)status));

    [Fact]
    public async Task A_404_envelope_is_not_found_with_qdrants_message()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.NotFoundCollection("docs"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.NotFound, error.Kind);
        Assert.Contains("Not found: Collection `docs` doesn't exist!", error.Message, StringComparison.Ordinal);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_409_is_a_conflict()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error(HttpStatusCode.Conflict, "Collection `docs` already exists!"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Conflict, error.Kind);
        Assert.Contains("Collection `docs` already exists!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_422_validation_failure_is_an_invalid_request()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error(
            HttpStatusCode.UnprocessableEntity, "Validation error in JSON body: [limit: value 0 invalid, must be 1 or larger]"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("must be 1 or larger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_401_is_unauthorized_with_its_text()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.PlainText(HttpStatusCode.Unauthorized, "Must provide an API key or an Authorization bearer token"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Unauthorized, error.Kind);
        Assert.Contains("Must provide an API key or an Authorization bearer token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_text_403_is_unauthorized()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.PlainText(HttpStatusCode.Forbidden, "Forbidden: write access is not allowed with a read-only key"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Unauthorized, error.Kind);
        Assert.Contains("read-only key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_without_retries_is_unavailable()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.Error(HttpStatusCode.ServiceUnavailable, "Service internal error: some shards are not ready"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains("some shards are not ready", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_error_body_falls_back_to_the_reason_phrase()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.PlainText(HttpStatusCode.BadGateway, ""));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains("502 Bad Gateway", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_connection_is_unavailable_and_names_the_server()
    {
        _server.On(HttpMethod.Post, CountPath, DoubleResponse.ConnectionRefused);

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains("qdrant.test:6333", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task An_unreadable_success_body_is_unavailable()
    {
        _server.On(HttpMethod.Post, CountPath, new DoubleResponse(HttpStatusCode.OK, "<html>proxy page</html>", "text/html"));

        var error = await CountFails();

        Assert.Equal(VectorStoreErrorKind.Unavailable, error.Kind);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_cancellation_stays_a_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => DoubleStores.Plain(_server).GetCollection("docs").CountAsync(cancellationToken: cancellation.Token));
    }

    [Fact]
    public void A_long_plain_text_body_is_cut()
    {
        var message = QdrantErrorMapper.QdrantMessage(new string('x', 5000));

        Assert.NotNull(message);
        Assert.True(message.Length < 1100);
    }

    private Task<VectorStoreException> CountFails() =>
        Assert.ThrowsAsync<VectorStoreException>(() => DoubleStores.Plain(_server).GetCollection("docs").CountAsync(cancellationToken: Token));
}

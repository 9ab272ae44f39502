using System.Text;

namespace Baize.Vectors.Qdrant.Tests.Support;

/// <summary>
/// A TEST DOUBLE of a Qdrant server, not Qdrant: an in-process <see cref="HttpMessageHandler"/> that records every
/// request and answers with responses scripted per method and path, shaped as the REST facts in
/// reference/qdrant-rest.md say Qdrant answers. It has no storage and no search; it lets tests check exactly what the
/// adapter sends and how it reads what comes back. Real-server behaviour is covered by the conformance tests, which run
/// when BAIZE_QDRANT_URL names a server.
/// </summary>
public sealed class QdrantRestDouble : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Dictionary<string, Queue<DoubleResponse>> _scripts = new(StringComparer.Ordinal);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The one request that matched the method and path; fails when there were none or several.</summary>
    public RecordedRequest OnlyRequest(HttpMethod method, string path) =>
        Assert.Single(Requests, request => request.Method == method && request.Path == path);

    /// <summary>How many requests went to the method and path (retries included).</summary>
    public int Count(HttpMethod method, string path) => Requests.Count(request => request.Method == method && request.Path == path);

    /// <summary>Scripts the answers to <paramref name="method"/> <paramref name="path"/> (escaped, without the query):
    /// served in order, the last one again for every further request.</summary>
    public QdrantRestDouble On(HttpMethod method, string path, params DoubleResponse[] responses)
    {
        if (responses.Length == 0)
        {
            throw new ArgumentException("Script at least one response.", nameof(responses));
        }

        lock (_gate)
        {
            _scripts[Key(method, path)] = new Queue<DoubleResponse>(responses);
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var uri = request.RequestUri ?? throw new UnscriptedRequestException("A request without a URI.");
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(
            request.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, body, request.Content?.Headers.ContentType?.MediaType);

        DoubleResponse response;
        lock (_gate)
        {
            _requests.Add(recorded);
            if (!_scripts.TryGetValue(Key(request.Method, uri.AbsolutePath), out var script))
            {
                throw new UnscriptedRequestException($"QdrantRestDouble has no script for {recorded}.");
            }

            response = script.Count > 1 ? script.Dequeue() : script.Peek();
        }

        if (response.Failure is not null)
        {
            throw response.Failure;
        }

        return new HttpResponseMessage(response.Status)
        {
            Content = new StringContent(response.Body, Encoding.UTF8, response.ContentType),
            RequestMessage = request,
        };
    }

    private static string Key(HttpMethod method, string path) => $"{method.Method} {path}";
}

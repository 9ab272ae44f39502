using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Baize.BenchSupport;

namespace Baize.Api.Load;

/// <summary>
/// A closed-loop load generator: K workers share one HttpClient (one keep-alive HTTP/1.1 connection each) and send
/// POST /v1/search with a JSON text query, each sending its next request as soon as the previous one's whole response
/// has been read, until the run's request count is used up. Bodies are encoded once up front.
/// </summary>
public sealed class HttpLoad : IDisposable
{
    private const string SearchPath = "v1/search";
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpClient _client;
    private readonly byte[][] _bodies;
    private int _nextQuery;

    public HttpLoad(Uri address, IReadOnlyList<string> queries, int topK, int maxConcurrency)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConcurrency,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        };
        _client = new HttpClient(handler, disposeHandler: true) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        _bodies = [.. queries.Select(query => Body(query, topK))];
    }

    /// <summary>One request whose answer is parsed and checked: 200, and as many hits as asked for.</summary>
    /// <returns>A one-line description of the answer, for the log.</returns>
    public async Task<string> CheckAsync(int topK, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(_bodies[0]);
        content.Headers.ContentType = JsonType;
        using var response = await _client.PostAsync(SearchPath, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /v1/search answered {(int)response.StatusCode}: {text}");
        }

        using var json = JsonDocument.Parse(text);
        var hits = json.RootElement.GetProperty("hits");
        if (hits.GetArrayLength() != topK)
        {
            throw new InvalidOperationException($"POST /v1/search returned {hits.GetArrayLength()} hits, not {topK}: {text}");
        }

        var best = hits[0];
        return $"{hits.GetArrayLength()} hits, best {best.GetProperty("score").GetSingle():0.000} '{best.GetProperty("metadata").GetProperty("title").GetString()}', query encoder {json.RootElement.GetProperty("query_encoder").GetString()}";
    }

    public async Task<LoadRun> RunAsync(int concurrency, int requests, CancellationToken cancellationToken)
    {
        var latencies = new double[requests];
        var failed = new bool[requests];
        var firstQuery = _nextQuery;
        _nextQuery += requests;
        var next = new StrongBox<int>(-1);
        var firstError = new StrongBox<string?>();
        var start = Clock.Now();
        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => WorkerAsync(next, requests, firstQuery, latencies, failed, firstError, cancellationToken), cancellationToken))
            .ToArray();
        await Task.WhenAll(workers);
        var seconds = Clock.MillisecondsSince(start) / 1000;
        var succeeded = Enumerable.Range(0, requests).Where(i => !failed[i]).Select(i => latencies[i]).ToList();
        return new LoadRun(succeeded, requests - succeeded.Count, firstError.Value, seconds);
    }

    public void Dispose() => _client.Dispose();

    private async Task WorkerAsync(
        StrongBox<int> next, int requests, int firstQuery, double[] latencies, bool[] failed, StrongBox<string?> firstError, CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = Interlocked.Increment(ref next.Value);
            if (index >= requests)
            {
                return;
            }

            var start = Clock.Now();
            try
            {
                using var content = new ByteArrayContent(_bodies[(firstQuery + index) % _bodies.Length]);
                content.Headers.ContentType = JsonType;

                // PostAsync buffers the whole response body before it returns, so the time covers reading it.
                using var response = await _client.PostAsync(SearchPath, content, cancellationToken);
                latencies[index] = Clock.MillisecondsSince(start);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failed[index] = true;
                    Interlocked.CompareExchange(ref firstError.Value, $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}", null);
                }
            }
            catch (HttpRequestException exception)
            {
                failed[index] = true;
                Interlocked.CompareExchange(ref firstError.Value, exception.Message, null);
            }
            catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                // HttpClient's timeout.
                failed[index] = true;
                Interlocked.CompareExchange(ref firstError.Value, exception.Message, null);
            }
        }
    }

    private static byte[] Body(string text, int topK)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteNumber("top_k", topK);
            writer.WriteStartArray("modalities");
            writer.WriteStringValue("image");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

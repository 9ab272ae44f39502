using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Baize.BenchSupport;
using Baize.Indexer.Items;
using Baize.Ingestion.Inputs;

namespace Baize.Ingestion.Measurement;

/// <summary>
/// Sends items through the running app as a client would: POST /v1/items with one file per request from a few
/// concurrent uploaders, then waits until the catalogue holds nothing queued or processing, and finally reads every
/// job's status over GET /v1/jobs/{id} (untimed). The run ends at the last item's final status update, which the
/// catalogue timestamps, so the poll interval does not blur the time.
/// </summary>
public sealed class PipelineRunner : IDisposable
{
    public const int PollIntervalMs = 50;

    private readonly HttpClient _client;
    private readonly ItemCatalog _catalog;

    public PipelineRunner(Uri address, ItemCatalog catalog, int maxConcurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConcurrency,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        _client = new HttpClient(handler, disposeHandler: true) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        _catalog = catalog;
    }

    public async Task<PipelineOutcome> RunAsync(IReadOnlyList<InputItem> items, int uploadConcurrency, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var jobs = new (string JobId, Guid ItemId)?[items.Count];
        var next = new StrongBox<int>(-1);
        var firstError = new StrongBox<string?>();
        var startedAt = DateTimeOffset.UtcNow;
        var start = Clock.Now();
        await Task.WhenAll(Enumerable.Range(0, uploadConcurrency)
            .Select(_ => Task.Run(() => UploadWorkerAsync(items, jobs, next, firstError, cancellationToken), cancellationToken)));
        var uploadSeconds = Clock.SecondsSince(start);

        // Every accepted upload is in the catalogue (queued) before its 202, so nothing pending means all are done.
        while (await _catalog.CountAsync(ItemStatus.Queued, cancellationToken) + await _catalog.CountAsync(ItemStatus.Processing, cancellationToken) > 0)
        {
            if (Clock.SecondsSince(start) > timeout.TotalSeconds)
            {
                throw new TimeoutException($"Items were still queued or processing after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollIntervalMs, cancellationToken);
        }

        var detectedSeconds = Clock.SecondsSince(start);
        var indexed = 0;
        var failed = 0;
        var points = 0;
        var lastUpdate = startedAt;
        foreach (var job in jobs.OfType<(string JobId, Guid ItemId)>())
        {
            var (status, error) = await JobStatusAsync(job.JobId, cancellationToken);
            if (status == "indexed")
            {
                indexed++;
            }
            else
            {
                failed++;
                Interlocked.CompareExchange(ref firstError.Value, $"item {job.ItemId}: {status} {error}", null);
            }

            if (await _catalog.GetItemAsync(job.ItemId, cancellationToken) is { } item)
            {
                points += item.Index.Values.Sum(modality => modality.Points);
                lastUpdate = item.Updated > lastUpdate ? item.Updated : lastUpdate;
            }
        }

        // Refused uploads count as failed items too.
        var accepted = indexed + failed;
        failed += items.Count - accepted;
        var seconds = accepted > 0 ? (lastUpdate - startedAt).TotalSeconds : detectedSeconds;
        return new PipelineOutcome(seconds, uploadSeconds, detectedSeconds, accepted, indexed, failed, points, firstError.Value);
    }

    public void Dispose() => _client.Dispose();

    private async Task UploadWorkerAsync(
        IReadOnlyList<InputItem> items, (string JobId, Guid ItemId)?[] jobs, StrongBox<int> next, StrongBox<string?> firstError, CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = Interlocked.Increment(ref next.Value);
            if (index >= items.Count)
            {
                return;
            }

            var item = items[index];
            var bytes = item.Path is { } path ? await File.ReadAllBytesAsync(path, cancellationToken) : Encoding.UTF8.GetBytes(item.Text!);
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(item.ContentType);
            form.Add(file, "file", item.Name);
            form.Add(new StringContent(Metadata(item), Encoding.UTF8), "metadata");
            try
            {
                using var response = await _client.PostAsync("v1/items", form, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    Interlocked.CompareExchange(ref firstError.Value, $"upload of {item.Name}: HTTP {(int)response.StatusCode}: {body}", null);
                    continue;
                }

                using var json = JsonDocument.Parse(body);
                var accepted = json.RootElement.GetProperty("items")[0];
                jobs[index] = (accepted.GetProperty("job_id").GetString()!, Guid.Parse(accepted.GetProperty("item_id").GetString()!));
            }
            catch (HttpRequestException exception)
            {
                Interlocked.CompareExchange(ref firstError.Value, $"upload of {item.Name}: {exception.Message}", null);
            }
        }
    }

    private async Task<(string Status, string? Error)> JobStatusAsync(string jobId, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync($"v1/jobs/{jobId}", cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return ($"HTTP {(int)response.StatusCode}", body);
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var error = root.TryGetProperty("error", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return (root.GetProperty("status").GetString() ?? "unknown", error);
    }

    private static string Metadata(InputItem item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("title", item.Name);
            writer.WriteString("source", "bench-ingestion");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

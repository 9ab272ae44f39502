using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Baize.Embedding;
using Baize.Indexer.Collections;
using Baize.Indexer.Segments;
using Baize.Indexer.Tests.Support;
using Baize.TestSupport;
using Baize.Vectors.Embedded;

namespace Baize.Indexer.Tests.Distributed;

/// <summary>
/// The distributed deployment for real: <c>baize serve --role api</c> and <c>baize serve --role indexer</c> as two
/// processes sharing one data folder, with RabbitMQ between them. The indexer is killed with SIGKILL mid-batch and
/// restarted; every accepted upload must still end up indexed, with exactly its points: nothing lost, nothing twice.
/// </summary>
public sealed class DistributedIndexingTests
{
    private const int BatchImages = 16;
    private const int BatchTones = 10;
    private const int BatchClips = 10;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Items_uploaded_to_the_api_process_are_indexed_by_a_separate_indexer_process_that_survives_being_killed()
    {
        if (await RabbitMqBroker.UnreachableReasonAsync(Ct) is { } unreachable)
        {
            Assert.Skip(unreachable);
        }

        Assert.True(File.Exists(Launcher.Dll), $"The launcher {Launcher.Dll} was not built.");
        using var folder = new TempDirectory("baize-distributed-");
        var dataFolder = Path.Combine(folder.Path, "data");
        var virtualHost = await RabbitMqBroker.CreateVirtualHostAsync(Ct);
        var environment = new Dictionary<string, string>
        {
            ["Indexer__DataFolder"] = dataFolder,
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqHost"] = RabbitMqBroker.Host,
            ["Messaging__RabbitMqPort"] = RabbitMqBroker.Port.ToString(CultureInfo.InvariantCulture),
            ["Messaging__RabbitMqVirtualHost"] = virtualHost,
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        var processes = new List<ServeProcess>();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var media = MakeBatchAsync(folder.Path);
            var api = Started(processes, ServeProcess.Start("api", "api", folder.Path, environment));
            var indexer = Started(processes, ServeProcess.Start("indexer", "indexer", folder.Path, environment));
            await api.WaitUntilReadyAsync(probe, Ct);
            await indexer.WaitUntilReadyAsync(probe, Ct);
            using var http = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromMinutes(3) };

            // (a) One image through the API becomes searchable by text.
            var single = (await UploadAsync(http, [new Upload("single.png", "image/png", TestImages.Seeded(1000), [("image", 1)])])).Single();
            await WaitForJobsAsync(http, [single], jobs => jobs.All(job => job.Status is "indexed" or "failed"), "the single image was not indexed");
            Assert.Equal("indexed", (await JobStatusAsync(http, single.JobId)).Status);
            using (var search = await http.PostAsJsonAsync("/v1/search", new { text = "a small coloured square", top_k = 10 }, Ct))
            {
                Assert.Equal(HttpStatusCode.OK, search.StatusCode);
                using var hits = JsonDocument.Parse(await search.Content.ReadAsStringAsync(Ct));
                Assert.Contains(single.ItemId, hits.RootElement.GetProperty("hits").EnumerateArray().Select(hit => hit.GetProperty("id").GetString()));
            }

            // (b) A batch, then SIGKILL the indexer while it is working through it.
            var batch = await UploadAsync(http, await media);
            Assert.Equal(BatchImages + BatchTones + BatchClips, batch.Select(accepted => accepted.ItemId).Distinct().Count());
            await WaitForJobsAsync(http, batch, jobs => jobs.Any(job => job.Status == "indexed"), "the indexer indexed nothing of the batch");
            indexer.Kill();
            var atKill = await JobStatusesAsync(http, batch);
            var summary = string.Join(", ", atKill.GroupBy(job => job.Status).Select(group => $"{group.Count()} {group.Key}"));
            TestContext.Current.TestOutputHelper?.WriteLine($"indexer killed with the batch at: {summary}");
            Assert.True(
                atKill.Count(job => job.Status == "indexed") < batch.Count,
                $"The whole batch was indexed before the kill ({summary}); the test needs more or larger items to kill the indexer mid-batch.");

            var restarted = Started(processes, ServeProcess.Start("indexer-restarted", "indexer", folder.Path, environment));
            await restarted.WaitUntilReadyAsync(probe, Ct);
            var final = await WaitForJobsAsync(http, batch, jobs => jobs.All(job => job.Status is "indexed" or "failed"), "the restarted indexer did not finish the batch");
            Assert.All(final, job => Assert.True(job.Status == "indexed", $"job {job.JobId} of item {job.ItemId} is {job.Status}: {job.Error}"));

            // Every item reports exactly the points its media needs.
            var everything = batch.Append(single).ToList();
            foreach (var accepted in everything)
            {
                using var response = await GetRespectingRateLimitAsync(http, new Uri($"/v1/items/{accepted.ItemId}", UriKind.Relative));
                using var item = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
                var index = item.RootElement.GetProperty("index").EnumerateObject()
                    .ToDictionary(modality => modality.Name, modality => modality.Value.GetProperty("points").GetInt32());
                Assert.Equal(accepted.Upload.Expected.ToDictionary(), index);
            }

            // And the store holds exactly those points: none lost, none written twice.
            foreach (var process in processes)
            {
                process.Kill();
            }

            await using var store = new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = Path.Combine(dataFolder, "vectors.db") });
            foreach (var modality in new[] { Modality.Image, Modality.Audio, Modality.Video })
            {
                var name = ModalityCollections.AliasName(modality);
                var modalityName = name["items-".Length..];
                var collection = store.GetCollection(name);
                var expectedTotal = 0L;
                foreach (var accepted in everything)
                {
                    var expected = accepted.Upload.Expected.Where(entry => entry.Modality == modalityName).Sum(entry => entry.Points);
                    expectedTotal += expected;
                    Assert.True(
                        expected == await collection.CountAsync(ModalityCollections.ItemFilter(Guid.Parse(accepted.ItemId)), Ct),
                        $"{accepted.Upload.FileName} ({accepted.ItemId}) should have {expected} {modalityName} points");
                }

                Assert.Equal(expectedTotal, await collection.CountAsync(cancellationToken: Ct));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            foreach (var process in processes)
            {
                TestContext.Current.TestOutputHelper?.WriteLine(process.Tail());
            }

            throw;
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }

            await RabbitMqBroker.DeleteVirtualHostAsync(virtualHost);
        }
    }

    private static ServeProcess Started(List<ServeProcess> processes, ServeProcess process)
    {
        processes.Add(process);
        return process;
    }

    /// <summary>Distinct media, sound and video first so that the indexer is busy with slow items when it is killed.</summary>
    private static async Task<List<Upload>> MakeBatchAsync(string folder)
    {
        var options = new IndexerOptions();
        var uploads = new List<Upload>();
        var tasks = new List<Func<Task>>();
        for (var index = 0; index < BatchClips; index++)
        {
            var seconds = index % 2 == 0 ? 5 : 7;
            var path = Path.Combine(folder, $"clip{index}.mp4");
            var frequency = 400 + (index * 60);
            var pattern = index + 1;
            tasks.Add(() => TestClips.Mp4Async(path, seconds, frequency, Ct, pattern));
            uploads.Add(new Upload(Path.GetFileName(path), "video/mp4", null!,
                [("video", Windows(seconds, options.VideoWindowSeconds, options.VideoOverlapSeconds)), ("audio", Windows(seconds, options.AudioWindowSeconds, options.AudioOverlapSeconds))])
            {
                Path = path,
            });
        }

        for (var index = 0; index < BatchTones; index++)
        {
            var seconds = index % 2 == 0 ? 3 : 8;
            var path = Path.Combine(folder, $"tone{index}.wav");
            var frequency = 300 + (index * 50);
            tasks.Add(() => TestMedia.ToneAsync(path, frequency, seconds, Ct));
            uploads.Add(new Upload(Path.GetFileName(path), "audio/wav", null!, [("audio", Windows(seconds, options.AudioWindowSeconds, options.AudioOverlapSeconds))]) { Path = path });
        }

        // Two ffmpeg runs at a time: the machine is small and busy.
        using var throttle = new SemaphoreSlim(2);
        await Task.WhenAll(tasks.Select(async task =>
        {
            await throttle.WaitAsync(Ct);
            try
            {
                await task();
            }
            finally
            {
                throttle.Release();
            }
        }));

        var made = new List<Upload>();
        foreach (var upload in uploads)
        {
            made.Add(upload with { Content = await File.ReadAllBytesAsync(upload.Path!, Ct) });
        }

        // Images interleaved after the slow items.
        for (var index = 0; index < BatchImages; index++)
        {
            made.Insert(Math.Min(made.Count, 4 + (index * 2)), new Upload($"image{index}.png", "image/png", TestImages.Seeded(2000 + index), [("image", 1)]));
        }

        return made;
    }

    private static int Windows(double seconds, double window, double overlap) =>
        SegmentPlanner.Plan(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(window), TimeSpan.FromSeconds(overlap), 1_000).Count;

    /// <summary>POST /v1/items with every upload as a part named 'file', all in one request: the API checks every
    /// file first and then queues them all at once, so the indexer starts on the whole batch together.</summary>
    private static async Task<List<Accepted>> UploadAsync(HttpClient http, IReadOnlyList<Upload> uploads)
    {
        var accepted = new List<Accepted>();
        foreach (var chunk in uploads.Chunk(100))
        {
            using var form = new MultipartFormDataContent();
            foreach (var upload in chunk)
            {
                var part = new ByteArrayContent(upload.Content);
                part.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
                form.Add(part, "file", upload.FileName);
            }

            using var response = await http.PostAsync(new Uri("/v1/items", UriKind.Relative), form, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload refused: {(int)response.StatusCode} {body}");
            using var json = JsonDocument.Parse(body);
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(chunk.Length, items.Count);
            accepted.AddRange(items.Select((item, index) => new Accepted(item.GetProperty("job_id").GetString()!, item.GetProperty("item_id").GetString()!, chunk[index])));
        }

        return accepted;
    }

    private static async Task<List<JobState>> WaitForJobsAsync(HttpClient http, IReadOnlyList<Accepted> jobs, Func<IReadOnlyList<JobState>, bool> done, string failure)
    {
        var step = TimeSpan.FromMilliseconds(250);
        List<JobState> states = [];
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(8); waited += step)
        {
            states = await JobStatusesAsync(http, jobs);
            if (done(states))
            {
                return states;
            }

            await Task.Delay(step, Ct);
        }

        Assert.Fail($"{failure}: {string.Join(", ", states.GroupBy(job => job.Status).Select(group => $"{group.Count()} {group.Key}"))}");
        return states;
    }

    private static async Task<List<JobState>> JobStatusesAsync(HttpClient http, IReadOnlyList<Accepted> jobs) =>
        [.. await Task.WhenAll(jobs.Select(job => JobStatusAsync(http, job.JobId)))];

    private static async Task<JobState> JobStatusAsync(HttpClient http, string jobId)
    {
        using var response = await GetRespectingRateLimitAsync(http, new Uri($"/v1/jobs/{jobId}", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        var error = root.TryGetProperty("error", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return new JobState(jobId, root.GetProperty("item_id").GetString()!, root.GetProperty("status").GetString()!, error);
    }

    /// <summary>GET that waits out a 429 (the API limits each client to 200 requests a second) and fails on any other error.</summary>
    private static async Task<HttpResponseMessage> GetRespectingRateLimitAsync(HttpClient http, Uri uri)
    {
        while (true)
        {
            var response = await http.GetAsync(uri, Ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response.EnsureSuccessStatusCode();
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, Ct);
        }
    }

    /// <summary>A file to upload and the points it must end up with, per modality.</summary>
    private sealed record Upload(string FileName, string ContentType, byte[] Content, (string Modality, int Points)[] Expected)
    {
        public string? Path { get; init; }
    }

    private sealed record Accepted(string JobId, string ItemId, Upload Upload);

    private sealed record JobState(string JobId, string ItemId, string Status, string? Error);
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Baize.SearchApi.Tests.Support;
using Baize.TestSupport;
using SkiaSharp;

namespace Baize.SearchApi.Tests.Api;

/// <summary>
/// The whole path through the real API and indexer: upload, follow the job, read the item, search by text and by
/// file with every option, re-upload, delete, and stream the original back.
/// </summary>
public sealed class SearchFlowTests(SearchFlowFixture corpus) : IClassFixture<SearchFlowFixture>
{
    private const string Query = "a red dress";

    private static readonly string[] ImageOnly = ["image"];
    private static readonly string[] AudioOnly = ["audio"];
    private static readonly string[] VideoOnly = ["video"];
    private static readonly string[] VideoOrAudio = ["video", "audio"];

    private HttpClient Client => corpus.Client;

    [Fact]
    public void Uploads_are_accepted_with_a_job_each_and_end_indexed()
    {
        Assert.All(corpus.All, item =>
        {
            Assert.True(Guid.TryParseExact(item.Upload.JobId, "D", out _), item.Upload.JobId);
            Assert.True(Guid.TryParseExact(item.Upload.ItemId, "D", out _), item.Upload.ItemId);
            Assert.Equal($"/v1/jobs/{item.Upload.JobId}", item.Upload.JobUrl);
            Assert.Equal($"/v1/items/{item.Upload.ItemId}", item.Upload.ItemUrl);
            Assert.Equal(item.Upload.JobUrl, item.Location);
            Assert.Equal(item.File.FileName, item.Upload.FileName);
            Assert.Equal("queued", item.Upload.Status);
            Assert.True(item.Job.Status == "indexed", $"{item.Name} ended '{item.Job.Status}': {item.Job.Error}");
            Assert.Null(item.Job.Error);
            Assert.Equal(item.Upload.ItemId, item.Job.ItemId);
            Assert.Equal(item.Upload.JobId, item.Job.Id);
        });
        Assert.Equal(["image", "text", "audio", "video", "video"], corpus.All.Select(item => item.Upload.Kind));
        Assert.Equal(corpus.All.Count, corpus.All.Select(item => item.Id).Distinct().Count());
    }

    [Fact]
    public async Task Item_shows_status_metadata_and_index_per_modality()
    {
        var items = new Dictionary<string, ItemView>();
        foreach (var item in corpus.All)
        {
            var view = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{item.Id}");
            items[item.Name] = view;
            Assert.Equal(item.Id, view.Id);
            Assert.Equal("indexed", view.Status);
            Assert.Null(view.Error);
            Assert.Equal(item.File.Bytes.Length, view.Size);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(item.File.Bytes)), view.Sha256);
            Assert.Equal(item.File.FileName, view.FileName);
            Assert.Equal($"/v1/items/{item.Id}/media", view.MediaUrl);
            Assert.True(view.Updated >= view.Created);
            AssertMetadata(item.Metadata, view.Metadata);
            Assert.All(view.Index.Values, index =>
            {
                Assert.False(string.IsNullOrWhiteSpace(index.Encoder));
                Assert.True(index.Points >= 1);
            });
        }

        Assert.Equal(("image", "png", "image/png"), (items["image"].Kind, items["image"].Format, items["image"].ContentType));
        Assert.Equal(("text", "text"), (items["text"].Kind, items["text"].Format));
        Assert.StartsWith("text/plain", items["text"].ContentType, StringComparison.Ordinal);
        Assert.Equal(("audio", "wav", "audio/wav"), (items["speech"].Kind, items["speech"].Format, items["speech"].ContentType));
        Assert.Equal(("video", "mp4", "video/mp4"), (items["video"].Kind, items["video"].Format, items["video"].ContentType));
        Assert.Equal(("video", "matroska", "video/x-matroska"), (items["silent"].Kind, items["silent"].Format, items["silent"].ContentType));

        Assert.Equal(["image"], items["image"].Index.Keys);
        Assert.Equal(1, items["image"].Index["image"].Points);
        Assert.Equal(["text"], items["text"].Index.Keys);
        Assert.Equal(1, items["text"].Index["text"].Points);

        // About 2 s of speech is one 6 s audio window.
        Assert.Equal(["audio"], items["speech"].Index.Keys);
        Assert.Equal(1, items["speech"].Index["audio"].Points);

        // 10 s in 4 s windows overlapping by 1 s is several windows; the sound track is indexed as audio too.
        Assert.Equal(["audio", "video"], items["video"].Index.Keys.Order());
        Assert.True(items["video"].Index["video"].Points > 1, $"{items["video"].Index["video"].Points} video points");
        Assert.True(items["video"].Index["audio"].Points >= 1);

        // Without a sound track there is nothing to index as audio.
        Assert.Equal(["video"], items["silent"].Index.Keys);
        Assert.True(items["silent"].Index["video"].Points > 1, $"{items["silent"].Index["video"].Points} video points");
    }

    [Fact]
    public async Task Text_search_returns_items_with_score_segment_metadata_and_encoders()
    {
        var encoders = await EncoderVersionsAsync();

        var result = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100 });

        Assert.Equal("text", result.QueryModality);
        Assert.Equal(encoders["text"], result.QueryEncoder);
        Assert.Equal(corpus.All.Select(item => item.Id).Order(), result.Hits.Select(hit => hit.Id).Order());
        Assert.Equal(result.Hits.Select(hit => hit.Score).OrderDescending(), result.Hits.Select(hit => hit.Score));
        foreach (var hit in result.Hits)
        {
            var item = corpus.All.Single(candidate => candidate.Id == hit.Id);
            Assert.True(float.IsFinite(hit.Score) && hit.Score is >= -1.0001f and <= 1.0001f, $"score {hit.Score}");
            Assert.Equal(encoders[hit.Modality], hit.Encoder);
            Assert.Equal(item.Upload.Kind, hit.Kind);
            AssertMetadata(item.Metadata, hit.Metadata);
            Assert.DoesNotContain(hit.Metadata.Keys, key => key is "item_id" or "kind" or "modality" or "segment" or "start" or "end" or "encoder");
            if (hit.Modality is "image" or "text")
            {
                Assert.Null(hit.Segment);
            }
            else
            {
                Assert.NotNull(hit.Segment);
                Assert.True(hit.Segment.Start >= 0 && hit.Segment.Start < hit.Segment.End, $"{item.Name}: {hit.Segment}");
            }
        }

        Assert.Equal("image", Hit(result, corpus.Image).Modality);
        Assert.Equal("text", Hit(result, corpus.Text).Modality);
        Assert.Equal("audio", Hit(result, corpus.Speech).Modality);
        Assert.Equal("video", Hit(result, corpus.SilentVideo).Modality);
        Assert.Contains(Hit(result, corpus.Video).Modality, VideoOrAudio);
    }

    [Theory]
    [InlineData(new[] { "image" }, new[] { "image" })]
    [InlineData(new[] { "text" }, new[] { "text" })]
    [InlineData(new[] { "audio" }, new[] { "speech", "video" })]
    [InlineData(new[] { "video" }, new[] { "video", "silent" })]
    [InlineData(new[] { "image", "text" }, new[] { "image", "text" })]
    [InlineData(new[] { "Video", "AUDIO" }, new[] { "speech", "video", "silent" })]
    public async Task Modalities_restrict_what_is_searched(string[] modalities, string[] expected)
    {
        var grouped = await ApiCalls.SearchAsync(Client, new { text = Query, modalities, top_k = 100 });
        var ungrouped = await ApiCalls.SearchAsync(Client, new { text = Query, modalities, top_k = 100, group = false });

        var wanted = modalities.Select(name => name.ToLowerInvariant()).ToHashSet();
        Assert.Equal(expected.Order(), grouped.Hits.Select(hit => corpus.NameOf(hit.Id)).Order());
        Assert.All(grouped.Hits.Concat(ungrouped.Hits), hit => Assert.Contains(hit.Modality, wanted));
        Assert.Equal(expected.Order(), ungrouped.Hits.Select(hit => corpus.NameOf(hit.Id)).Distinct().Order());
    }

    [Fact]
    public async Task Sound_track_of_a_video_is_found_as_audio_of_a_video_item()
    {
        var result = await ApiCalls.SearchAsync(Client, new { text = Query, modalities = AudioOnly, top_k = 100 });

        var hit = Hit(result, corpus.Video);
        Assert.Equal("audio", hit.Modality);
        Assert.Equal("video", hit.Kind);
        Assert.NotNull(hit.Segment);
    }

    [Fact]
    public async Task Grouped_search_gives_each_item_once_with_its_best_segment()
    {
        var grouped = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100 });
        var ungrouped = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group = false });

        Assert.Equal(grouped.Hits.Count, grouped.Hits.Select(hit => hit.Id).Distinct().Count());
        Assert.True(ungrouped.Hits.Count(hit => hit.Id == corpus.Video.Id) > 1, "the video should match with several segments when not grouped");
        Assert.True(ungrouped.Hits.Count > grouped.Hits.Count);

        // Each grouped hit is its item's best point of the ungrouped ranking.
        foreach (var hit in grouped.Hits)
        {
            var best = ungrouped.Hits.Where(point => point.Id == hit.Id).MaxBy(point => point.Score)!;
            Assert.Equal(best.Score, hit.Score, 5);
            Assert.Equal(best.Modality, hit.Modality);
            Assert.Equal(best.Segment, hit.Segment);
        }

        // The grouped ranking is the ungrouped one with each item's later points dropped.
        var firstPerItem = ungrouped.Hits.DistinctBy(point => point.Id).Select(point => point.Id);
        Assert.Equal(firstPerItem, grouped.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task Long_video_best_segment_lies_within_the_video()
    {
        var grouped = await ApiCalls.SearchAsync(Client, new { text = Query, modalities = VideoOnly, top_k = 100 });
        var ungrouped = await ApiCalls.SearchAsync(Client, new { text = Query, modalities = VideoOnly, top_k = 100, group = false });

        var best = Hit(grouped, corpus.Video);
        Assert.NotNull(best.Segment);
        Assert.InRange(best.Segment.Start, 0, SearchFlowFixture.VideoSeconds);
        Assert.InRange(best.Segment.End, best.Segment.Start + 0.001, SearchFlowFixture.VideoSeconds + 0.1);

        // Every window is 4 s long, inside the video, and together they cover it with 1 s overlaps.
        var windows = ungrouped.Hits.Where(hit => hit.Id == corpus.Video.Id).Select(hit => hit.Segment!).OrderBy(segment => segment.Start).ToList();
        var indexed = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{corpus.Video.Id}");
        Assert.Equal(indexed.Index["video"].Points, windows.Count);
        Assert.Contains(best.Segment, windows);
        Assert.Equal(0, windows[0].Start, 3);
        Assert.InRange(windows[^1].End, SearchFlowFixture.VideoSeconds - 0.2, SearchFlowFixture.VideoSeconds + 0.1);
        Assert.All(windows, window => Assert.Equal(4, window.End - window.Start, 2));
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.InRange(pair.Second.Start - pair.First.Start, 0.001, 3.0001));
    }

    [Fact]
    public async Task Paging_continues_where_the_previous_page_stopped()
    {
        foreach (var group in new[] { true, false })
        {
            var all = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group });
            Assert.True(all.Hits.Count >= 4, $"{all.Hits.Count} hits (group {group})");

            var paged = new List<HitView>();
            for (var offset = 0; offset < all.Hits.Count; offset += 3)
            {
                var page = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 3, offset, group });
                Assert.Equal(Math.Min(3, all.Hits.Count - offset), page.Hits.Count);
                paged.AddRange(page.Hits);
            }

            Assert.Equal(all.Hits.Select(Key), paged.Select(Key));
            Assert.Equal(paged.Count, paged.Select(Key).Distinct().Count());
            var past = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 3, offset = all.Hits.Count, group });
            Assert.Empty(past.Hits);
        }

        static string Key(HitView hit) => $"{hit.Id}/{hit.Modality}/{hit.Segment}";
    }

    [Fact]
    public async Task Top_k_limits_the_hits_to_the_best_ones()
    {
        var all = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100 });
        var two = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 2 });
        var one = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 1 });

        Assert.Equal(all.Hits.Take(2).Select(hit => hit.Id), two.Hits.Select(hit => hit.Id));
        Assert.Equal(all.Hits.Take(1).Select(hit => hit.Id), one.Hits.Select(hit => hit.Id));
    }

    [Fact]
    public async Task Score_threshold_drops_weaker_hits()
    {
        var all = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group = false });
        var median = all.Hits[all.Hits.Count / 2].Score;

        var strong = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group = false, score_threshold = median });

        Assert.NotEmpty(strong.Hits);
        Assert.True(strong.Hits.Count < all.Hits.Count);
        Assert.All(strong.Hits, hit => Assert.True(hit.Score >= median - 1e-6f, $"{hit.Score} < {median}"));
    }

    [Theory]
    [InlineData("""{"color":"red"}""", "image,speech")]
    [InlineData("""{"color":["red","blue"]}""", "image,text,speech")]
    [InlineData("""{"color":{"any":["green"]}}""", "video,silent")]
    [InlineData("""{"tags":"red"}""", "image,speech")]
    [InlineData("""{"tags":["dress","caption"]}""", "image,text")]
    [InlineData("""{"year":2020}""", "image")]
    [InlineData("""{"title":"red dress photo"}""", "image")]
    [InlineData("""{"featured":true}""", "image,video")]
    [InlineData("""{"year":{"gt":2019,"lt":2022}}""", "image,text")]
    [InlineData("""{"year":{"gte":2022}}""", "video,silent")]
    [InlineData("""{"rating":{"lte":3}}""", "text,speech,silent")]
    [InlineData("""{"rating":{"gt":2.5,"lt":4.6}}""", "image,text")]
    [InlineData("""{"color":{"not":"red"}}""", "text,video,silent")]
    [InlineData("""{"color":{"not":["red","green"]}}""", "text")]
    [InlineData("""{"$not":{"source":"camera"}}""", "text,speech")]
    [InlineData("""{"$or":[{"color":"blue"},{"year":{"gte":2023}}]}""", "text,silent")]
    [InlineData("""{"source":"camera","color":"green"}""", "video,silent")]
    [InlineData("""{"$or":[{"tags":"speech"},{"featured":true}],"$not":{"color":"green"}}""", "image,speech")]
    [InlineData("""{"color":"purple"}""", "")]
    [InlineData("""null""", "image,text,speech,video,silent")]
    public async Task Metadata_filters_restrict_the_hits(string filter, string expected)
    {
        using var filterJson = JsonDocument.Parse(filter);

        var grouped = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, filter = filterJson.RootElement });
        var ungrouped = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group = false, filter = filterJson.RootElement });

        var names = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order();
        Assert.Equal(names, grouped.Hits.Select(hit => corpus.NameOf(hit.Id)).Order());
        Assert.Equal(names, ungrouped.Hits.Select(hit => corpus.NameOf(hit.Id)).Distinct().Order());
    }

    [Fact]
    public async Task Search_by_an_image_file_finds_that_image_first()
    {
        var encoders = await EncoderVersionsAsync();

        var same = await ApiCalls.SearchByFileAsync(Client, corpus.Image.File, """{"modalities":["image"]}""");
        var other = await ApiCalls.SearchByFileAsync(Client, new UploadFile(corpus.QueryJpeg, "query.jpg", "image/jpeg"), """{"top_k":3}""");

        Assert.Equal("image", same.QueryModality);
        Assert.Equal(encoders["image"], same.QueryEncoder);
        Assert.Equal(corpus.Image.Id, same.Hits[0].Id);
        Assert.True(same.Hits[0].Score > 0.999f, $"the same image scores {same.Hits[0].Score}");
        Assert.Equal("image", other.QueryModality);
        Assert.Equal(3, other.Hits.Count);
        Assert.Equal(3, other.Hits.Select(hit => hit.Id).Distinct().Count());
    }

    [Fact]
    public async Task Search_by_an_audio_file_finds_recordings()
    {
        var encoders = await EncoderVersionsAsync();

        var same = await ApiCalls.SearchByFileAsync(Client, corpus.Speech.File, """{"modalities":["audio"],"group":false}""");
        var other = await ApiCalls.SearchByFileAsync(Client, new UploadFile(corpus.QuerySpeech, "query.wav", "audio/wav"));

        Assert.Equal("audio", same.QueryModality);
        Assert.Equal(encoders["audio"], same.QueryEncoder);
        Assert.Equal(corpus.Speech.Id, same.Hits[0].Id);
        Assert.True(same.Hits[0].Score > 0.95f, $"the same recording scores {same.Hits[0].Score}");
        Assert.All(same.Hits, hit => Assert.Equal("audio", hit.Modality));
        Assert.Equal("audio", other.QueryModality);
        Assert.Equal(corpus.All.Count, other.Hits.Count);
    }

    [Fact]
    public async Task Search_by_a_video_or_text_file_embeds_it_in_its_own_modality()
    {
        var video = await ApiCalls.SearchByFileAsync(Client, corpus.SilentVideo.File, """{"modalities":["video"]}""");
        var text = await ApiCalls.SearchByFileAsync(Client, new UploadFile("a red dress"u8.ToArray(), "query.txt", "text/plain"));

        Assert.Equal("video", video.QueryModality);
        Assert.Equal(corpus.SilentVideo.Id, video.Hits[0].Id);
        Assert.Equal("text", text.QueryModality);
        var byJson = await ApiCalls.SearchAsync(Client, new { text = "a red dress" });
        Assert.Equal(byJson.Hits.Select(hit => (hit.Id, hit.Segment)), text.Hits.Select(hit => (hit.Id, hit.Segment)));
    }

    [Fact]
    public async Task Same_bytes_uploaded_twice_are_one_item_requeued_with_the_new_metadata()
    {
        var bytes = TestImages.Shape(SKColors.Navy, SKColors.Yellow, 72);
        var first = (await ApiCalls.UploadAcceptedAsync(Client, [new UploadFile(bytes, "first.png", "image/png")], """{"title":"duplicate first"}""")).Items.Single();
        await ApiCalls.WaitForIndexedAsync(Client, first.JobId);
        try
        {
            var second = (await ApiCalls.UploadAcceptedAsync(Client, [new UploadFile(bytes, "second.png", "image/png")], """{"title":"duplicate second"}""")).Items.Single();

            Assert.Equal(first.ItemId, second.ItemId);
            Assert.NotEqual(first.JobId, second.JobId);
            Assert.Equal("queued", second.Status);
            await ApiCalls.WaitForIndexedAsync(Client, second.JobId);
            var firstJob = await ApiCalls.WaitForIndexedAsync(Client, first.JobId);
            Assert.Equal(first.ItemId, firstJob.ItemId);

            var item = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{first.ItemId}");
            Assert.Equal("duplicate second", item.Metadata["title"].GetString());
            Assert.Equal("second.png", item.FileName);
            Assert.Equal(1, item.Index["image"].Points);

            var points = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group = false, modalities = ImageOnly });
            var renamed = await ApiCalls.SearchAsync(Client, new { text = Query, filter = new { title = "duplicate second" } });
            var stale = await ApiCalls.SearchAsync(Client, new { text = Query, filter = new { title = "duplicate first" } });
            Assert.Single(points.Hits, hit => hit.Id == first.ItemId);
            Assert.Equal([first.ItemId], renamed.Hits.Select(hit => hit.Id));
            Assert.Empty(stale.Hits);
            Assert.Single(OriginalFiles(), path => Path.GetFileName(path) == item.Sha256);
        }
        finally
        {
            await DeleteAsync(first.ItemId);
        }
    }

    [Fact]
    public async Task Deleted_item_leaves_search_and_answers_404()
    {
        var bytes = TestImages.Shape(SKColors.Black, SKColors.Lime, 64);
        var upload = (await ApiCalls.UploadAcceptedAsync(Client, [new UploadFile(bytes, "doomed.png", "image/png")], """{"title":"doomed"}""")).Items.Single();
        await ApiCalls.WaitForIndexedAsync(Client, upload.JobId);
        var before = await ApiCalls.SearchAsync(Client, new { text = Query, filter = new { title = "doomed" } });
        var sha = (await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{upload.ItemId}")).Sha256;
        Assert.Equal([upload.ItemId], before.Hits.Select(hit => hit.Id));

        using (var delete = await Client.SendAsync(ApiCalls.Request(HttpMethod.Delete, $"/v1/items/{upload.ItemId}"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var after = await ApiCalls.SearchAsync(Client, new { text = Query, filter = new { title = "doomed" } });
        var everything = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, group = false });
        var job = await ApiCalls.GetJsonAsync<JobView>(Client, $"/v1/jobs/{upload.JobId}");
        using var item = await Client.GetAsync(new Uri($"/v1/items/{upload.ItemId}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var media = await Client.GetAsync(new Uri($"/v1/items/{upload.ItemId}/media", UriKind.Relative), TestContext.Current.CancellationToken);
        using var again = await Client.SendAsync(ApiCalls.Request(HttpMethod.Delete, $"/v1/items/{upload.ItemId}"), TestContext.Current.CancellationToken);

        Assert.Empty(after.Hits);
        Assert.DoesNotContain(everything.Hits, hit => hit.Id == upload.ItemId);
        Assert.Equal("deleted", job.Status);
        Assert.Equal(upload.ItemId, job.ItemId);
        var problem = await ApiCalls.AssertProblemAsync(item, HttpStatusCode.NotFound);
        Assert.Contains(upload.ItemId, problem.Detail, StringComparison.Ordinal);
        await ApiCalls.AssertProblemAsync(media, HttpStatusCode.NotFound);
        await ApiCalls.AssertProblemAsync(again, HttpStatusCode.NotFound);
        Assert.DoesNotContain(OriginalFiles(), path => Path.GetFileName(path) == sha);
    }

    [Fact]
    public async Task Media_is_served_byte_for_byte_with_range_support()
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = corpus.Video.File.Bytes;
        var path = $"/v1/items/{corpus.Video.Id}/media";

        using var whole = await Client.GetAsync(new Uri(path, UriKind.Relative), ct);
        using var rangeRequest = ApiCalls.Request(HttpMethod.Get, path);
        rangeRequest.Headers.Range = new RangeHeaderValue(0, 9);
        using var range = await Client.SendAsync(rangeRequest, ct);
        using var tailRequest = ApiCalls.Request(HttpMethod.Get, path);
        tailRequest.Headers.Range = new RangeHeaderValue(null, 5);
        using var tail = await Client.SendAsync(tailRequest, ct);
        using var outsideRequest = ApiCalls.Request(HttpMethod.Get, path);
        outsideRequest.Headers.Range = new RangeHeaderValue(bytes.Length + 10, null);
        using var outside = await Client.SendAsync(outsideRequest, ct);
        using var text = await Client.GetAsync(new Uri($"/v1/items/{corpus.Text.Id}/media", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("bytes", whole.Headers.AcceptRanges);

        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal($"bytes 0-9/{bytes.Length}", range.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[..10], await range.Content.ReadAsByteArrayAsync(ct));

        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(bytes[^5..], await tail.Content.ReadAsByteArrayAsync(ct));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, outside.StatusCode);

        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Equal(corpus.Text.File.Bytes, await text.Content.ReadAsByteArrayAsync(ct));
    }

    [Fact]
    public async Task Batch_upload_returns_one_job_per_file()
    {
        UploadFile[] files =
        [
            new(TestImages.Shape(SKColors.Orange, SKColors.Purple, 60), "one.png", "image/png"),
            new(TestImages.Shape(SKColors.Teal, SKColors.Pink, 60, SKEncodedImageFormat.Jpeg), "two.jpg", "image/jpeg"),
            new("a green coat hangs on a door"u8.ToArray(), "three.txt", "text/plain"),
        ];

        using var response = await ApiCalls.UploadAsync(Client, files, """{"title":"batch","tags":["batch"]}""");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var accepted = JsonSerializer.Deserialize<UploadResult>(body, ApiWire.Json)!.Items;
        try
        {
            Assert.Equal(3, accepted.Count);
            Assert.Equal(["one.png", "two.jpg", "three.txt"], accepted.Select(upload => upload.FileName));
            Assert.Equal(["image", "image", "text"], accepted.Select(upload => upload.Kind));
            Assert.Equal(3, accepted.Select(upload => upload.JobId).Distinct().Count());
            Assert.Equal(3, accepted.Select(upload => upload.ItemId).Distinct().Count());
            Assert.Equal(accepted[0].JobUrl, response.Headers.Location?.ToString());
            foreach (var upload in accepted)
            {
                var job = await ApiCalls.WaitForIndexedAsync(Client, upload.JobId);
                Assert.Equal(upload.ItemId, job.ItemId);
            }

            var found = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, filter = new { tags = "batch" } });
            Assert.Equal(accepted.Select(upload => upload.ItemId).Order(), found.Hits.Select(hit => hit.Id).Order());
            Assert.All(found.Hits, hit => Assert.Equal("batch", hit.Metadata["title"].GetString()));
        }
        finally
        {
            foreach (var upload in accepted)
            {
                await DeleteAsync(upload.ItemId);
            }
        }
    }

    [Theory]
    [InlineData("👗 ❤️ 🟥")]
    [InlineData("فستان أحمر")]
    [InlineData("红色连衣裙")]
    [InlineData("a\u0000red\u0007dress\u202E")]
    [InlineData("\uD83D")]
    [InlineData("x")]
    [InlineData("[CLS] [SEP] [PAD] [UNK] [MASK]")]
    public async Task Unusual_text_queries_are_answered(string text)
    {
        var result = await ApiCalls.SearchAsync(Client, new { text, top_k = 3 });
        var longest = await ApiCalls.SearchAsync(Client, new { text = string.Concat(Enumerable.Repeat(text, 1000))[..1000], top_k = 3 });

        Assert.Equal(3, result.Hits.Count);
        Assert.Equal(3, longest.Hits.Count);
        Assert.All(result.Hits.Concat(longest.Hits), hit => Assert.True(float.IsFinite(hit.Score), $"score {hit.Score}"));
    }

    [Fact]
    public async Task Largest_allowed_page_is_answered()
    {
        var grouped = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, offset = 10_000 });
        var ungrouped = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100, offset = 10_000, group = false });

        Assert.Empty(grouped.Hits);
        Assert.Empty(ungrouped.Hits);
    }

    [Theory]
    [InlineData("../../etc/passwd.png", "passwd.png")]
    [InlineData("C:\\Users\\me\\photo.png", "photo.png")]
    public async Task Client_file_names_are_kept_only_as_labels(string sent, string kept)
    {
        var ct = TestContext.Current.CancellationToken;
        var bytes = TestImages.Shape(SKColors.Silver, kept == "passwd.png" ? SKColors.Maroon : SKColors.Olive, 56);
        var upload = (await ApiCalls.UploadAcceptedAsync(Client, [new UploadFile(bytes, sent, "image/png")])).Items.Single();
        try
        {
            await ApiCalls.WaitForIndexedAsync(Client, upload.JobId);
            var item = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{upload.ItemId}");
            using var media = await Client.GetAsync(new Uri(item.MediaUrl, UriKind.Relative), ct);

            Assert.Equal(kept, upload.FileName);
            Assert.Equal(kept, item.FileName);
            Assert.Equal(HttpStatusCode.OK, media.StatusCode);
            Assert.Equal(bytes, await media.Content.ReadAsByteArrayAsync(ct));
            Assert.Equal(kept, media.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(corpus.Factory.DataFolder.FullName, "*", SearchOption.AllDirectories),
                path => Path.GetFileName(path) is "passwd.png" or "photo.png" or "etc");
        }
        finally
        {
            await DeleteAsync(upload.ItemId);
        }
    }

    [Fact]
    public async Task Reindex_is_queued_for_an_operator_and_search_keeps_working()
    {
        var before = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100 });

        using var response = await ApiCalls.PostJsonAsync(Client, "/v1/admin/reindex", """{"modality":"image"}""");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("image", json.RootElement.GetProperty("modality").GetString());
        Assert.Equal("queued", json.RootElement.GetProperty("status").GetString());
        var after = await ApiCalls.SearchAsync(Client, new { text = Query, top_k = 100 });
        Assert.Equal(before.Hits.Select(hit => hit.Id).Order(), after.Hits.Select(hit => hit.Id).Order());
    }

    private static HitView Hit(SearchView result, CorpusItem item) =>
        result.Hits.SingleOrDefault(hit => hit.Id == item.Id) ?? throw new Xunit.Sdk.XunitException($"No hit for {item.Name} ({item.Id}).");

    /// <summary>The metadata the server returns is the metadata that was uploaded, value for value.</summary>
    private static void AssertMetadata(string uploaded, IReadOnlyDictionary<string, JsonElement> returned)
    {
        using var expected = JsonDocument.Parse(uploaded);
        var fields = expected.RootElement.EnumerateObject().ToList();
        Assert.Equal(fields.Select(field => field.Name).Order(), returned.Keys.Order());
        foreach (var field in fields)
        {
            var actual = returned[field.Name];
            if (field.Value.ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(field.Value.GetDouble(), actual.GetDouble());
            }
            else
            {
                Assert.Equal(field.Value.GetRawText(), actual.GetRawText());
            }
        }
    }

    private async Task<Dictionary<string, string>> EncoderVersionsAsync()
    {
        var encoders = await ApiCalls.GetJsonAsync<List<JsonElement>>(Client, "/v1/encoders");
        return encoders.ToDictionary(encoder => encoder.GetProperty("modality").GetString()!, encoder => encoder.GetProperty("version").GetString()!);
    }

    private IEnumerable<string> OriginalFiles() =>
        Directory.EnumerateFiles(Path.Combine(corpus.Factory.DataFolder.FullName, "media"), "*", SearchOption.AllDirectories);

    private async Task DeleteAsync(string itemId)
    {
        using var response = await Client.SendAsync(ApiCalls.Request(HttpMethod.Delete, $"/v1/items/{itemId}"), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"DELETE answered {(int)response.StatusCode}");
    }
}

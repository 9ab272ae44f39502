using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Baize.SearchApi.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Baize.SearchApi.Tests.Api;

/// <summary>
/// Broken, hostile and unauthorised requests: each gets the right 4xx as problem details, the service keeps serving,
/// and nothing stored changes (catalogue, originals, points, the seed item and a search's answer).
/// </summary>
public sealed class HostileInputTests(HostileInputFixture api) : IClassFixture<HostileInputFixture>
{
    private const string SearchKey = HostileInputFixture.SearchKey;
    private const string IngestKey = HostileInputFixture.IngestKey;
    private const string AdminKey = HostileInputFixture.AdminKey;

    private HttpClient Client => api.Client;

    /// <summary>Corpus file, the name it is uploaded under, the declared content type, and the expected status.</summary>
    public static TheoryData<string, string, string?, int> RefusedUploads => new()
    {
        // Damaged images (decoded in full at upload): 422; a decompression bomb: 413.
        { "truncated.png", "truncated.png", "image/png", 422 },
        { "truncated.jpg", "truncated.jpg", "image/jpeg", 422 },
        { "jpeg-header-then-garbage.jpg", "garbage.jpg", "image/jpeg", 422 },
        { "png-signature-then-garbage.png", "garbage.png", "image/png", 422 },
        { "bomb.png", "bomb.png", "image/png", 413 },

        // Damaged audio and video the upload probe cannot read: 422.
        { "truncated.wav", "truncated.wav", "audio/wav", 422 },
        { "riff-then-garbage.wav", "garbage.wav", "audio/wav", 422 },
        { "id3-then-garbage.mp3", "garbage.mp3", "audio/mpeg", 422 },
        { "oggs-then-garbage.ogg", "garbage.ogg", "audio/ogg", 422 },
        { "truncated.ogg", "truncated.ogg", "audio/ogg", 422 },
        { "flac-signature-then-garbage.flac", "garbage.flac", "audio/flac", 422 },
        { "truncated-moov-missing.mp4", "truncated.mp4", "video/mp4", 422 },
        { "ftyp-then-garbage.mp4", "garbage.mp4", "video/mp4", 422 },
        { "ebml-header-then-garbage.mkv", "garbage.mkv", "video/x-matroska", 422 },

        // Random bytes claiming to be media, and formats Baize does not index: 415.
        { "random.bin", "photo.png", "image/png", 415 },
        { "random.bin", "sound.wav", "audio/wav", 415 },
        { "random.bin", "clip.mp4", "video/mp4", 415 },
        { "random.bin", "blob.bin", "application/octet-stream", 415 },
        { "random.bin", "blob", null, 415 },
        { "document.pdf", "document.pdf", "application/pdf", 415 },
        { "archive.zip", "archive.zip", "application/zip", 415 },

        // Text is only text when declared text/plain and valid UTF-8.
        { "notes.txt", "notes.txt", "application/octet-stream", 415 },
        { "notes.txt", "notes.md", "text/markdown", 415 },
        { "notes.txt", "notes.txt", null, 415 },
        { "random.bin", "random.txt", "text/plain", 422 },
        { "invalid-utf8.txt", "invalid.txt", "text/plain", 422 },
        { "utf16-bom-then-random.txt", "bom.txt", "text/plain", 422 },
        { "blank.txt", "blank.txt", "text/plain", 400 },
        { "long.txt", "long.txt", "text/plain", 413 },

        // Empty and oversized files.
        { "empty", "empty.png", "image/png", 400 },
        { "empty", "empty.txt", "text/plain", 400 },
        { "empty", "empty.mp4", "video/mp4", 400 },
        { "oversized.png", "oversized.png", "image/png", 413 },
    };

    /// <summary>Damage the upload probe cannot see: the container still declares its streams and duration.</summary>
    public static TheoryData<string, string> DamagedBeyondTheProbe => new()
    {
        { "truncated.mp3", "audio/mpeg" },
        { "truncated.flac", "audio/flac" },
        { "truncated-faststart.mp4", "video/mp4" },
        { "truncated.mkv", "video/x-matroska" },
    };

    public static TheoryData<string> BadMetadata => new()
    {
        "{not json",
        "[1, 2]",
        "\"a title\"",
        """{"item_id":"3f2a9c1e-8b7d-4e21-9a0f-5c6d7e8f9a0b"}""",
        """{"kind":"image"}""",
        """{"modality":"text"}""",
        """{"segment":1}""",
        """{"encoder":"mine"}""",
        """{"nested":{"a":1}}""",
        """{"list":[[1]]}""",
        """{"missing":null}""",
        """{"1abc":1}""",
        """{"a-b":1}""",
        """{"":1}""",
        """{"title":5}""",
        """{"tags":"red"}""",
        """{"tags":[1,2]}""",
        """{"source":["a"]}""",
        "{" + string.Join(',', Enumerable.Range(0, 65).Select(i => $"\"f{i}\":{i}")) + "}",
    };

    /// <summary>A name, a JSON body for POST /v1/search and the expected status.</summary>
    public static TheoryData<string, string, int> BadSearches => new()
    {
        { "truncated JSON", """{"text": """, 400 },
        { "empty body", "", 400 },
        { "JSON array", "[]", 400 },
        { "JSON null", "null", 400 },
        { "JSON string", "\"a red dress\"", 400 },
        { "not JSON", "text=a+red+dress", 400 },
        { "unknown member", """{"text":"a red dress","topk":5}""", 400 },
        { "unknown nested member", """{"text":"a red dress","options":{"top_k":5}}""", 400 },
        { "no text", "{}", 400 },
        { "empty text", """{"text":""}""", 400 },
        { "blank text", """{"text":"   "}""", 400 },
        { "text not a string", """{"text":5}""", 400 },
        { "text too long", $$"""{"text":"{{new string('a', 1001)}}"}""", 400 },
        { "top_k 0", """{"text":"a red dress","top_k":0}""", 400 },
        { "top_k -1", """{"text":"a red dress","top_k":-1}""", 400 },
        { "top_k 1000000", """{"text":"a red dress","top_k":1000000}""", 400 },
        { "top_k 101", """{"text":"a red dress","top_k":101}""", 400 },
        { "top_k overflow", """{"text":"a red dress","top_k":1e20}""", 400 },
        { "top_k fraction", """{"text":"a red dress","top_k":2.5}""", 400 },
        { "top_k word", """{"text":"a red dress","top_k":"ten"}""", 400 },
        { "offset -1", """{"text":"a red dress","offset":-1}""", 400 },
        { "offset 10001", """{"text":"a red dress","offset":10001}""", 400 },
        { "score_threshold 2", """{"text":"a red dress","score_threshold":2}""", 400 },
        { "group not a boolean", """{"text":"a red dress","group":"yes"}""", 400 },
        { "modality smell", """{"text":"a red dress","modalities":["smell"]}""", 400 },
        { "modality 4", """{"text":"a red dress","modalities":["4"]}""", 400 },
        { "modality 1", """{"text":"a red dress","modalities":["1"]}""", 400 },
        { "modality -1", """{"text":"a red dress","modalities":["-1"]}""", 400 },
        { "modalities joined by a comma", """{"text":"a red dress","modalities":["image,audio"]}""", 400 },
        { "modality empty string", """{"text":"a red dress","modalities":[""]}""", 400 },
        { "modality null", """{"text":"a red dress","modalities":[null]}""", 400 },
        { "no modalities", """{"text":"a red dress","modalities":[]}""", 400 },
        { "modalities not a list", """{"text":"a red dress","modalities":"image"}""", 400 },
        { "filter unknown field", """{"text":"a red dress","filter":{"colour":"red"}}""", 400 },
        { "filter reserved field", """{"text":"a red dress","filter":{"item_id":"x"}}""", 400 },
        { "filter unknown operator", """{"text":"a red dress","filter":{"title":{"like":"seed"}}}""", 400 },
        { "filter dollar operator", """{"text":"a red dress","filter":{"year":{"$gt":2000}}}""", 400 },
        { "filter $and", """{"text":"a red dress","filter":{"$and":[{"title":"seed"}]}}""", 400 },
        { "filter $or not a list", """{"text":"a red dress","filter":{"$or":{"title":"seed"}}}""", 400 },
        { "filter $or empty", """{"text":"a red dress","filter":{"$or":[]}}""", 400 },
        { "filter $not a list", """{"text":"a red dress","filter":{"$not":["title"]}}""", 400 },
        { "filter a list", """{"text":"a red dress","filter":["title"]}""", 400 },
        { "filter a string", """{"text":"a red dress","filter":"title = 'seed'"}""", 400 },
        { "filter null value", """{"text":"a red dress","filter":{"title":null}}""", 400 },
        { "filter fraction equality", """{"text":"a red dress","filter":{"year":2020.5}}""", 400 },
        { "filter range on a string", """{"text":"a red dress","filter":{"year":{"gt":"2019"}}}""", 400 },
        { "filter empty any", """{"text":"a red dress","filter":{"tags":{"any":[]}}}""", 400 },
        { "filter nested list", """{"text":"a red dress","filter":{"tags":[["seed"]]}}""", 400 },
        { "filter object value", """{"text":"a red dress","filter":{"tags":{"any":[{"a":1}]}}}""", 400 },
        { "filter too deep", """{"text":"a red dress","filter":""" + string.Concat(Enumerable.Repeat("""{"$not":""", 20)) + """{"title":"seed"}""" + new string('}', 20) + "}", 400 },
        { "filter too many conditions", """{"text":"a red dress","filter":{"$or":[""" + string.Join(',', Enumerable.Repeat("""{"title":"seed"}""", 70)) + "]}}", 400 },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task Broken_or_unsupported_upload_is_refused_and_changes_nothing(string file, string uploadName, string? contentType, int status)
    {
        var problem = await AssertRefusedAsync(
            () => ApiCalls.UploadAsync(Client, [new UploadFile(api.File(file), uploadName, contentType)], apiKey: IngestKey),
            (HttpStatusCode)status);

        Assert.Contains(uploadName, problem.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(api.Factory.DataFolder.FullName, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_with_one_broken_file_is_refused_as_a_whole()
    {
        await AssertRefusedAsync(
            () => ApiCalls.UploadAsync(
                Client,
                [new UploadFile(api.File("good.png"), "good.png", "image/png"), new UploadFile(api.File("truncated.png"), "truncated.png", "image/png")],
                apiKey: IngestKey),
            HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task More_files_than_allowed_in_one_upload_are_refused()
    {
        var files = Enumerable.Range(0, HostileInputFixture.MaxFilesPerRequest + 1)
            .Select(i => new UploadFile(Encoding.UTF8.GetBytes($"caption number {i}"), $"caption{i}.txt", "text/plain"));

        await AssertRefusedAsync(() => ApiCalls.UploadAsync(Client, files, apiKey: IngestKey), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(BadMetadata))]
    public async Task Malformed_or_reserved_metadata_is_refused(string metadata)
    {
        var problem = await AssertRefusedAsync(
            () => ApiCalls.UploadAsync(Client, [new UploadFile(api.File("good.png"), "good.png", "image/png")], metadata, IngestKey),
            HttpStatusCode.BadRequest);

        Assert.NotNull(problem.Detail);
    }

    [Fact]
    public async Task Upload_forms_without_proper_file_parts_are_refused()
    {
        var good = new UploadFile(api.File("good.png"), "good.png", "image/png");

        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, ApiCalls.Form([good], fileField: "upload")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, ApiCalls.Form([], metadata: """{"title":"x"}""")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(
            () =>
            {
                var form = ApiCalls.Form([good]);
                form.Add(new ByteArrayContent(api.File("good.png")), "other", "other.png");
                return Send(HttpMethod.Post, "/v1/items", IngestKey, form);
            },
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_that_is_not_a_multipart_form_is_refused()
    {
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, Content(api.File("good.png"), "image/png")), HttpStatusCode.UnsupportedMediaType);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, Content("""{"file":"x"}"""u8.ToArray(), "application/json")), HttpStatusCode.UnsupportedMediaType);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, Content("a red dress"u8.ToArray(), "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, Content([], null)), HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("random bytes after a declared boundary", "multipart/form-data; boundary=baize-boundary")]
    [InlineData("a file part with no closing boundary", "multipart/form-data; boundary=x")]
    [InlineData("no boundary declared", "multipart/form-data")]
    public async Task Malformed_multipart_bodies_are_refused(string what, string contentType)
    {
        var body = what switch
        {
            "random bytes after a declared boundary" => api.File("random.bin"),
            "a file part with no closing boundary" => "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nabc"u8.ToArray(),
            _ => "--x--\r\n"u8.ToArray(),
        };

        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/items", IngestKey, Content(body, contentType)), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, Content(body, contentType)), HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(DamagedBeyondTheProbe))]
    public async Task Media_damaged_beyond_the_upload_probe_is_accepted_and_its_job_fails_with_a_reason(string file, string contentType)
    {
        var before = await api.SnapshotAsync();
        var upload = (await ApiCalls.UploadAcceptedAsync(Client, [new UploadFile(api.File(file), file, contentType)], """{"title":"damaged"}""", IngestKey)).Items.Single();
        try
        {
            var job = await ApiCalls.WaitForJobAsync(Client, upload.JobId, IngestKey);
            var item = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{upload.ItemId}", IngestKey);
            var found = await ApiCalls.SearchAsync(Client, new { text = HostileInputFixture.SeedQuery, top_k = 100, group = false }, SearchKey);
            var after = await api.SnapshotAsync();

            Assert.Equal("failed", job.Status);
            Assert.False(string.IsNullOrWhiteSpace(job.Error), "a failed job says why");
            Assert.DoesNotContain(api.Factory.DataFolder.FullName, job.Error, StringComparison.Ordinal);
            Assert.Equal("failed", item.Status);
            Assert.Equal(job.Error, item.Error);
            Assert.Empty(item.Index);
            Assert.DoesNotContain(found.Hits, hit => hit.Id == upload.ItemId);
            Assert.Equal(before.Points, after.Points);
            Assert.Equal(before.SeedItem, after.SeedItem);
            Assert.Equal(before.Search, after.Search);
        }
        finally
        {
            using var delete = await Send(HttpMethod.Delete, $"/v1/items/{upload.ItemId}", IngestKey);
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var restored = await api.SnapshotAsync();
        AssertUnchanged(before, restored);
    }

    [Fact]
    public async Task A_valid_video_whose_sound_track_is_shorter_than_its_picture_is_indexed()
    {
        var upload = (await ApiCalls.UploadAcceptedAsync(
            Client, [new UploadFile(api.File("short-sound-track.mp4"), "short-sound-track.mp4", "video/mp4")], """{"title":"short sound"}""", IngestKey)).Items.Single();
        try
        {
            var job = await ApiCalls.WaitForJobAsync(Client, upload.JobId, IngestKey);

            Assert.True(job.Status == "indexed", $"job ended '{job.Status}': {job.Error}");
            var item = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{upload.ItemId}", IngestKey);
            Assert.True(item.Index["video"].Points > 1);
            Assert.Equal(1, item.Index["audio"].Points);
        }
        finally
        {
            using var delete = await Send(HttpMethod.Delete, $"/v1/items/{upload.ItemId}", IngestKey);
        }
    }

    [Fact]
    public async Task An_item_whose_indexing_fails_part_way_leaves_no_searchable_points()
    {
        // The short sound track is one way to make a later modality (audio) fail after an earlier one (video) was embedded.
        var before = await api.SnapshotAsync();
        var upload = (await ApiCalls.UploadAcceptedAsync(
            Client, [new UploadFile(api.File("short-sound-track.mp4"), "short-sound-track.mp4", "video/mp4")], """{"title":"part way"}""", IngestKey)).Items.Single();
        try
        {
            var job = await ApiCalls.WaitForJobAsync(Client, upload.JobId, IngestKey);
            var found = await ApiCalls.SearchAsync(Client, new { text = HostileInputFixture.SeedQuery, top_k = 100, group = false, filter = new { title = "part way" } }, SearchKey);

            if (job.Status == "failed")
            {
                Assert.True(found.Hits.Count == 0, $"the failed item is still found as {string.Join(", ", found.Hits.Select(hit => hit.Modality))}");
                Assert.Equal(before.Points, (await api.SnapshotAsync()).Points);
            }
            else
            {
                Assert.Equal("indexed", job.Status);
                Assert.NotEmpty(found.Hits);
            }
        }
        finally
        {
            using var delete = await Send(HttpMethod.Delete, $"/v1/items/{upload.ItemId}", IngestKey);
        }
    }

    [Theory]
    [MemberData(nameof(BadSearches))]
    public async Task Bad_search_requests_are_refused(string name, string body, int status)
    {
        var problem = await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, Content(Encoding.UTF8.GetBytes(body), "application/json")), (HttpStatusCode)status);

        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), name);
    }

    [Fact]
    public async Task Search_validation_problems_name_the_offending_field()
    {
        using var topK = await ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress","top_k":0}""", SearchKey);
        using var filter = await ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress","filter":{"colour":"red"}}""", SearchKey);
        using var modality = await ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress","modalities":["smell"]}""", SearchKey);

        Assert.Contains("top_k", (await ApiCalls.AssertProblemAsync(topK, HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("filter.colour", (await ApiCalls.AssertProblemAsync(filter, HttpStatusCode.BadRequest)).Errors!.Keys);
        Assert.Contains("modalities", (await ApiCalls.AssertProblemAsync(modality, HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Theory]
    [InlineData("text/xml", "<search><text>a red dress</text></search>")]
    [InlineData("text/plain", """{"text":"a red dress"}""")]
    [InlineData("application/x-www-form-urlencoded", "text=a+red+dress")]
    [InlineData(null, """{"text":"a red dress"}""")]
    public async Task Search_with_a_wrong_content_type_is_refused(string? contentType, string body)
    {
        var status = contentType == "application/x-www-form-urlencoded" ? new[] { HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest } : [HttpStatusCode.UnsupportedMediaType];

        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, Content(Encoding.UTF8.GetBytes(body), contentType)), status);
    }

    [Fact]
    public async Task Search_body_over_the_json_limit_is_refused()
    {
        var body = $$$"""{"text":"a red dress","filter":{"title":"{{{new string('x', 70_000)}}}"}}""";

        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, Content(Encoding.UTF8.GetBytes(body), "application/json")), HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("truncated.png", "image/png", null, 422)]
    [InlineData("png-signature-then-garbage.png", "image/png", null, 422)]
    [InlineData("truncated.wav", "audio/wav", null, 422)]
    [InlineData("truncated-moov-missing.mp4", "video/mp4", null, 422)]
    [InlineData("random.bin", "image/png", null, 415)]
    [InlineData("document.pdf", "application/pdf", null, 415)]
    [InlineData("empty", "image/png", null, 400)]
    [InlineData("oversized.png", "image/png", null, 413)]
    [InlineData("good.png", "image/png", """{"text":"a red dress"}""", 400)]
    [InlineData("good.png", "image/png", """{"top_k":""", 400)]
    [InlineData("good.png", "image/png", """{"top_k":5,"extra":1}""", 400)]
    [InlineData("good.png", "image/png", """{"top_k":0}""", 400)]
    [InlineData("good.png", "image/png", """{"modalities":["smell"]}""", 400)]
    public async Task Search_by_a_broken_file_or_with_bad_options_is_refused(string file, string contentType, string? query, int status)
    {
        var problem = await AssertRefusedAsync(
            () => ApiCalls.SearchByFileRawAsync(Client, new UploadFile(api.File(file), file, contentType), query, SearchKey),
            (HttpStatusCode)status);

        Assert.DoesNotContain(api.Factory.DataFolder.FullName, problem.Detail ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DamagedBeyondTheProbe))]
    public async Task Search_by_a_file_damaged_beyond_the_probe_is_refused_not_a_server_error(string file, string contentType)
    {
        await AssertRefusedAsync(
            () => ApiCalls.SearchByFileRawAsync(Client, new UploadFile(api.File(file), file, contentType), apiKey: SearchKey),
            HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Search_forms_without_exactly_one_file_part_are_refused()
    {
        var good = new UploadFile(api.File("good.png"), "good.png", "image/png");

        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, ApiCalls.Form([good, good])), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, ApiCalls.Form([good], fileField: "image")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(() => Send(HttpMethod.Post, "/v1/search", SearchKey, ApiCalls.Form([], metadata: "x")), HttpStatusCode.BadRequest);
        await AssertRefusedAsync(
            () => Send(HttpMethod.Post, "/v1/search", SearchKey, Content(api.File("random.bin"), "multipart/form-data; boundary=baize-boundary")),
            HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/v1/items/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/v1/items/..%2F..%2Fetc%2Fpasswd/media")]
    [InlineData("/v1/items/%2E%2E")]
    [InlineData("/v1/items/%2E%2E/media")]
    [InlineData("/v1/items/abc")]
    [InlineData("/v1/items/abc/media")]
    [InlineData("/v1/items/3f2a9c1e-8b7d-4e21-9a0f-5c6d7e8f9a0b%2F..%2F..")]
    [InlineData("/v1/jobs/../../x")]
    [InlineData("/v1/jobs/..%2F..%2Fcatalog.db")]
    [InlineData("/v1/jobs/abc")]
    [InlineData("/v1/items/00000000-0000-0000-0000-000000000000")]
    [InlineData("/v1/items/00000000-0000-0000-0000-000000000000/media")]
    [InlineData("/v1/jobs/00000000-0000-0000-0000-000000000000")]
    public async Task Path_like_or_unknown_ids_get_400_or_404_problem_details_never_a_file(string path)
    {
        var problem = await AssertRefusedAsync(() => Send(HttpMethod.Get, path, AdminKey), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);

        Assert.DoesNotContain("root:", problem.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_that_are_not_item_ids_do_not_reach_stored_files()
    {
        var seed = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{api.SeedId}", SearchKey);

        // The content address of the original, its folder name, and the id without dashes are all refused.
        await AssertRefusedAsync(() => Send(HttpMethod.Get, $"/v1/items/{seed.Sha256}/media", AdminKey), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        await AssertRefusedAsync(() => Send(HttpMethod.Get, $"/v1/items/{seed.Sha256[..2]}/media", AdminKey), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        await AssertRefusedAsync(() => Send(HttpMethod.Get, $"/v1/items/{seed.Id.Replace("-", "", StringComparison.Ordinal)}/media", AdminKey), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        await AssertRefusedAsync(() => Send(HttpMethod.Delete, $"/v1/items/{seed.Sha256}", AdminKey), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        await AssertRefusedAsync(() => Send(HttpMethod.Delete, "/v1/items/abc", AdminKey), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/v1/jobs/../../x")]
    [InlineData("/v1/items/../../../etc/passwd")]
    [InlineData("/v1/items/../../../etc/passwd/media")]
    [InlineData("/v1/items/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd/media")]
    [InlineData("/v1/items/..\\..\\catalog.db/media")]
    public async Task Raw_dot_segments_that_no_client_normalised_never_reach_a_file(string path)
    {
        var before = await api.SnapshotAsync();

        var context = await api.Factory.Server.SendAsync(
            context =>
            {
                context.Request.Method = HttpMethods.Get;
                context.Request.Path = new PathString(path);
                context.Request.Headers["X-Api-Key"] = AdminKey;
            },
            TestContext.Current.CancellationToken);

        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        Assert.True(context.Response.StatusCode is 400 or 404, $"{path} answered {context.Response.StatusCode}: {body}");
        Assert.StartsWith(ApiCalls.ProblemJson, context.Response.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        AssertUnchanged(before, await api.SnapshotAsync());
    }

    [Theory]
    [InlineData("PUT", "/v1/items")]
    [InlineData("GET", "/v1/search")]
    [InlineData("PATCH", "/v1/items/3f2a9c1e-8b7d-4e21-9a0f-5c6d7e8f9a0b")]
    [InlineData("POST", "/v1/jobs/3f2a9c1e-8b7d-4e21-9a0f-5c6d7e8f9a0b")]
    [InlineData("DELETE", "/v1/search")]
    public async Task Unsupported_methods_get_405_problem_details(string method, string path)
    {
        await AssertRefusedAsync(() => Send(new HttpMethod(method), path, AdminKey, Content("{}"u8.ToArray(), "application/json")), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Missing_or_wrong_api_keys_get_401()
    {
        var good = new UploadFile(api.File("good.png"), "good.png", "image/png");

        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress"}"""), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress"}""", "not-a-configured-key-at-all"), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress"}""", SearchKey + "x"), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(
            () =>
            {
                var request = ApiCalls.Request(HttpMethod.Post, "/v1/search", content: Content("""{"text":"a red dress"}"""u8.ToArray(), "application/json"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-bearer-token-0123456789");
                return Client.SendAsync(request, TestContext.Current.CancellationToken);
            },
            HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => ApiCalls.UploadAsync(Client, [good]), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => ApiCalls.UploadAsync(Client, [good], apiKey: "not-a-configured-key-at-all"), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => Send(HttpMethod.Get, $"/v1/items/{api.SeedId}", null), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => Send(HttpMethod.Get, $"/v1/items/{api.SeedId}/media", null), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => Send(HttpMethod.Delete, $"/v1/items/{api.SeedId}", null), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => Send(HttpMethod.Delete, $"/v1/items/{api.SeedId}", "not-a-configured-key-at-all"), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/admin/reindex", """{"modality":"image"}"""), HttpStatusCode.Unauthorized);
        await AssertRefusedAsync(() => Send(HttpMethod.Get, "/v1/encoders", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_without_the_role_an_endpoint_needs_get_403()
    {
        var good = new UploadFile(api.File("good.png"), "good.png", "image/png");

        // search: may search and read items, not ingest, delete or operate.
        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/admin/reindex", """{"modality":"image"}""", SearchKey), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(() => ApiCalls.UploadAsync(Client, [good], apiKey: SearchKey), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(() => Send(HttpMethod.Delete, $"/v1/items/{api.SeedId}", SearchKey), HttpStatusCode.Forbidden);

        // ingest: may ingest and read items and jobs, not search or operate.
        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/search", """{"text":"a red dress"}""", IngestKey), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(() => ApiCalls.SearchByFileRawAsync(Client, good, apiKey: IngestKey), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(() => Send(HttpMethod.Get, "/v1/encoders", IngestKey), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(() => ApiCalls.PostJsonAsync(Client, "/v1/admin/reindex", """{"modality":"image"}""", IngestKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Each_role_reaches_what_its_policy_allows()
    {
        var seed = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{api.SeedId}", SearchKey);
        var asIngest = await ApiCalls.GetJsonAsync<ItemView>(Client, $"/v1/items/{api.SeedId}", IngestKey);
        var asAdmin = await ApiCalls.SearchAsync(Client, new { text = HostileInputFixture.SeedQuery }, AdminKey);
        using var media = await Send(HttpMethod.Get, $"/v1/items/{api.SeedId}/media", SearchKey);
        using var bearer = ApiCalls.Request(HttpMethod.Post, "/v1/search", content: Content("""{"text":"a red dress"}"""u8.ToArray(), "application/json"));
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SearchKey);
        using var byBearer = await Client.SendAsync(bearer, TestContext.Current.CancellationToken);

        Assert.Equal("indexed", seed.Status);
        Assert.Equal(seed, asIngest with { Metadata = seed.Metadata, Index = seed.Index });
        Assert.Contains(asAdmin.Hits, hit => hit.Id == api.SeedId);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal(api.SeedBytes, await media.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, byBearer.StatusCode);
    }

    [Theory]
    [InlineData("""{"modality":"smell"}""", "application/json")]
    [InlineData("""{"modality":"4"}""", "application/json")]
    [InlineData("""{"modality":"1"}""", "application/json")]
    [InlineData("""{"modality":"image,audio"}""", "application/json")]
    [InlineData("""{"modality":""}""", "application/json")]
    [InlineData("""{}""", "application/json")]
    [InlineData("""{"modality":"image","extra":true}""", "application/json")]
    [InlineData("""{"modality":""", "application/json")]
    [InlineData("""<reindex modality="image"/>""", "text/xml")]
    public async Task Bad_reindex_requests_are_refused(string body, string contentType)
    {
        await AssertRefusedAsync(
            () => Send(HttpMethod.Post, "/v1/admin/reindex", AdminKey, Content(Encoding.UTF8.GetBytes(body), contentType)),
            HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Reindex_with_json_sent_as_another_content_type_is_refused()
    {
        // A text/plain POST needs no CORS preflight, so a web page could send it; JSON endpoints should insist on JSON.
        await AssertRefusedAsync(
            () => Send(HttpMethod.Post, "/v1/admin/reindex", AdminKey, Content("""{"modality":"image"}"""u8.ToArray(), "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
    }

    /// <summary>
    /// Sends a request that must be refused: checks the status and the problem details, that nothing stored changed,
    /// and that a normal search still works. An upload accepted by mistake is cleaned up before the test fails.
    /// </summary>
    private async Task<ProblemView> AssertRefusedAsync(Func<Task<HttpResponseMessage>> send, params HttpStatusCode[] expected)
    {
        var before = await api.SnapshotAsync();
        ProblemView problem;
        using (var response = await send())
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                await CleanUpAsync(response);
            }

            problem = await ApiCalls.AssertProblemAsync(response, expected);
        }

        AssertUnchanged(before, await api.SnapshotAsync());
        var search = await ApiCalls.SearchAsync(Client, new { text = HostileInputFixture.SeedQuery }, SearchKey);
        Assert.Contains(search.Hits, hit => hit.Id == api.SeedId);
        return problem;
    }

    private static void AssertUnchanged(StoredState before, StoredState after)
    {
        Assert.Equal(before.Catalog, after.Catalog);
        Assert.Equal(before.Originals, after.Originals);
        Assert.Equal(before.Points, after.Points);
        Assert.Equal(before.SeedItem, after.SeedItem);
        Assert.Equal(before.Search, after.Search);
    }

    private async Task CleanUpAsync(HttpResponseMessage accepted)
    {
        var body = await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var upload = JsonSerializer.Deserialize<UploadResult>(body, ApiWire.Json);
        foreach (var item in upload?.Items ?? [])
        {
            await ApiCalls.WaitForJobAsync(Client, item.JobId, AdminKey);
            using var delete = await Send(HttpMethod.Delete, $"/v1/items/{item.ItemId}", AdminKey);
        }
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string? apiKey, HttpContent? content = null) =>
        Client.SendAsync(ApiCalls.Request(method, path, apiKey, content), TestContext.Current.CancellationToken);

    private static ByteArrayContent Content(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Baize.SearchApi.Tests.Support;

/// <summary>The calls the API tests make, with an optional API key, and the assertions on their answers.</summary>
internal static class ApiCalls
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Indexing runs ONNX and ffmpeg on a shared, busy machine: wait long before calling a job stuck.</summary>
    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(10);

    public static readonly string[] TerminalStatuses = ["indexed", "failed", "deleted"];

    public static HttpRequestMessage Request(HttpMethod method, string path, string? apiKey = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }

    public static MultipartFormDataContent Form(IEnumerable<UploadFile> files, string? metadata = null, string fileField = "file")
    {
        var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            if (file.ContentType is not null)
            {
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            }

            form.Add(part, fileField, file.FileName);
        }

        if (metadata is not null)
        {
            form.Add(new StringContent(metadata, Encoding.UTF8), "metadata");
        }

        return form;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, IEnumerable<UploadFile> files, string? metadata = null, string? apiKey = null)
    {
        using var request = Request(HttpMethod.Post, "/v1/items", apiKey, Form(files, metadata));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads files that must be accepted, and returns the accepted uploads.</summary>
    public static async Task<UploadResult> UploadAcceptedAsync(HttpClient client, IEnumerable<UploadFile> files, string? metadata = null, string? apiKey = null)
    {
        using var response = await UploadAsync(client, files, metadata, apiKey);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Upload answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<UploadResult>(body, ApiWire.Json)!;
    }

    /// <summary>Polls a job until it reaches indexed, failed or deleted.</summary>
    public static async Task<JobView> WaitForJobAsync(HttpClient client, string jobId, string? apiKey = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(JobTimeout);
        JobView? job = null;
        try
        {
            while (true)
            {
                job = await GetJsonAsync<JobView>(client, $"/v1/jobs/{jobId}", apiKey);
                if (TerminalStatuses.Contains(job.Status))
                {
                    return job;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Job {jobId} is still '{job?.Status}' after {JobTimeout}.");
        }
    }

    /// <summary>Waits for a job and requires it to end indexed.</summary>
    public static async Task<JobView> WaitForIndexedAsync(HttpClient client, string jobId, string? apiKey = null)
    {
        var job = await WaitForJobAsync(client, jobId, apiKey);
        Assert.True(job.Status == "indexed", $"Job {jobId} ended '{job.Status}': {job.Error}");
        return job;
    }

    public static async Task<T> GetJsonAsync<T>(HttpClient client, string path, string? apiKey = null)
    {
        using var request = Request(HttpMethod.Get, path, apiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, ApiWire.Json)!;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json, string? apiKey = null, string contentType = "application/json")
    {
        using var request = Request(HttpMethod.Post, path, apiKey, new StringContent(json, Encoding.UTF8, contentType));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> SearchRawAsync(HttpClient client, object body, string? apiKey = null) =>
        PostJsonAsync(client, "/v1/search", JsonSerializer.Serialize(body, ApiWire.Json), apiKey);

    /// <summary>A JSON search that must succeed.</summary>
    public static async Task<SearchView> SearchAsync(HttpClient client, object body, string? apiKey = null)
    {
        using var response = await SearchRawAsync(client, body, apiKey);
        return await ReadOkAsync<SearchView>(response);
    }

    /// <summary>A multipart search by file that must succeed.</summary>
    public static async Task<SearchView> SearchByFileAsync(HttpClient client, UploadFile file, string? queryJson = null, string? apiKey = null)
    {
        using var response = await SearchByFileRawAsync(client, file, queryJson, apiKey);
        return await ReadOkAsync<SearchView>(response);
    }

    public static async Task<HttpResponseMessage> SearchByFileRawAsync(HttpClient client, UploadFile file, string? queryJson = null, string? apiKey = null)
    {
        var form = Form([file]);
        if (queryJson is not null)
        {
            form.Add(new StringContent(queryJson, Encoding.UTF8), "query");
        }

        using var request = Request(HttpMethod.Post, "/v1/search", apiKey, form);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<T> ReadOkAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, ApiWire.Json)!;
    }

    /// <summary>Requires an RFC 7807 answer with this status (as code and in the body).</summary>
    public static async Task<ProblemView> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemView>(body, ApiWire.Json)!;
        Assert.Equal((int)expected, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title), $"The problem has no title: {body}");
        return problem;
    }

    /// <summary>Requires an RFC 7807 answer with one of these statuses.</summary>
    public static async Task<ProblemView> AssertProblemAsync(HttpResponseMessage response, params HttpStatusCode[] allowed)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(allowed.Contains(response.StatusCode), $"Expected one of {string.Join(", ", allowed.Select(s => (int)s))}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemView>(body, ApiWire.Json)!;
        Assert.Equal((int)response.StatusCode, problem.Status);
        return problem;
    }
}

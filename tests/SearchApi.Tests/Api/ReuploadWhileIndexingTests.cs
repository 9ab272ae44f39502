using Baize.SearchApi.Tests.Support;
using Baize.TestSupport;

namespace Baize.SearchApi.Tests.Api;

/// <summary>
/// The same bytes uploaded again while their first upload is still being indexed: the second job may only report
/// "indexed" once the item is searchable as the second upload described it.
/// </summary>
public sealed class ReuploadWhileIndexingTests
{
    [Fact]
    public async Task Second_upload_of_the_same_bytes_reports_indexed_only_once_its_metadata_is_searchable()
    {
        var ct = TestContext.Current.CancellationToken;
        using var media = new MediaFolder();
        var video = await media.VideoAsync("slow.mp4", "testsrc=size=64x64:rate=8", 20, withAudio: true, ct);
        await using var factory = new SearchApiFactory(RepositoryPaths.ShippedModels, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        using var client = factory.CreateClient();

        var first = (await ApiCalls.UploadAcceptedAsync(client, [new UploadFile(video, "slow.mp4", "video/mp4")], """{"title":"first upload"}""")).Items.Single();

        // Upload again once the first upload is being embedded (a 20 s video takes a while).
        var status = "queued";
        while (status == "queued")
        {
            status = (await ApiCalls.GetJsonAsync<JobView>(client, $"/v1/jobs/{first.JobId}")).Status;
            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }

        var second = (await ApiCalls.UploadAcceptedAsync(client, [new UploadFile(video, "slow.mp4", "video/mp4")], """{"title":"second upload"}""")).Items.Single();
        var job = await ApiCalls.WaitForIndexedAsync(client, second.JobId);

        var item = await ApiCalls.GetJsonAsync<ItemView>(client, $"/v1/items/{second.ItemId}");
        var current = await ApiCalls.SearchAsync(client, new { text = "a test pattern", top_k = 100, group = false, filter = new { title = "second upload" } });
        var stale = await ApiCalls.SearchAsync(client, new { text = "a test pattern", top_k = 100, group = false, filter = new { title = "first upload" } });

        Assert.Equal(first.ItemId, second.ItemId);
        Assert.Equal(second.ItemId, job.ItemId);
        Assert.Equal("second upload", item.Metadata["title"].GetString());
        var points = item.Index.Values.Sum(index => index.Points);
        Assert.True(
            current.Hits.Count == points && stale.Hits.Count == 0,
            $"job {second.JobId} (first upload was '{status}' when it was made) reports indexed, but {current.Hits.Count} of {points} points carry its metadata and {stale.Hits.Count} still carry the first upload's");
    }
}

using System.Net;
using Baize.SearchApi.Tests.Support;
using Baize.TestSupport;

namespace Baize.SearchApi.Tests.Api;

/// <summary>
/// Grouped search over several modalities when one item has more segments than the candidate headroom: a long video
/// whose every window matches the query best must not crowd the runner-up out of the grouped ranking.
/// </summary>
public sealed class GroupingTests
{
    private const double LongSeconds = 25;

    [Fact]
    public async Task Grouped_ranking_across_modalities_matches_the_ungrouped_ranking_grouped()
    {
        var ct = TestContext.Current.CancellationToken;
        using var media = new MediaFolder();
        var longVideo = await media.VideoAsync("long-red.mp4", "color=c=red:size=64x64:rate=8", LongSeconds, withAudio: false, ct);
        var shortVideo = await media.VideoAsync("short-dark-red.mp4", "color=c=0xB01818:size=64x64:rate=8", 4, withAudio: false, ct);
        await using var factory = new SearchApiFactory(RepositoryPaths.ShippedModels, new Dictionary<string, string?> { ["RateLimiting:Enabled"] = "false" });
        using var client = factory.CreateClient();

        var upload = await ApiCalls.UploadAcceptedAsync(client, [
            new UploadFile(longVideo, "long-red.mp4", "video/mp4"),
            new UploadFile(shortVideo, "short-dark-red.mp4", "video/mp4"),
            new UploadFile("a stack of old books on a shelf"u8.ToArray(), "books.txt", "text/plain"),
        ]);
        foreach (var item in upload.Items)
        {
            await ApiCalls.WaitForIndexedAsync(client, item.JobId);
        }

        var (longId, shortId, textId) = (upload.Items[0].ItemId, upload.Items[1].ItemId, upload.Items[2].ItemId);
        var windows = (await ApiCalls.GetJsonAsync<ItemView>(client, $"/v1/items/{longId}")).Index["video"].Points;
        Assert.True(windows >= 8, $"the long video has {windows} windows");

        // The query is the long video itself: each of its windows (all the same red) matches it best.
        var query = new UploadFile(longVideo, "query.mp4", "video/mp4");
        var ungrouped = await ApiCalls.SearchByFileAsync(client, query, """{"modalities":["video","text"],"top_k":100,"group":false}""");
        Assert.All(ungrouped.Hits.Take(windows), hit => Assert.Equal(longId, hit.Id));
        var expected = ungrouped.Hits.Select(hit => hit.Id).Distinct().ToList();
        Assert.Equal(3, expected.Count);
        Assert.SkipUnless(expected[1] == shortId, "the text item outranks the short video for this query, so the scenario cannot show the problem");

        var topTwo = await ApiCalls.SearchByFileAsync(client, query, """{"modalities":["video","text"],"top_k":2}""");
        var secondPage = await ApiCalls.SearchByFileAsync(client, query, """{"modalities":["video","text"],"top_k":1,"offset":1}""");
        var all = await ApiCalls.SearchByFileAsync(client, query, """{"modalities":["video","text"],"top_k":100}""");

        string Names(SearchView result) => string.Join(", ", result.Hits.Select(hit => $"{(hit.Id == longId ? "long video" : hit.Id == shortId ? "short video" : "text")} {hit.Score:0.0000}"));
        Assert.Equal(expected, all.Hits.Select(hit => hit.Id));
        Assert.True(topTwo.Hits.Select(hit => hit.Id).SequenceEqual([longId, shortId]), $"top 2 is [{Names(topTwo)}]; the full ranking is [{Names(all)}]");
        Assert.True(secondPage.Hits.Select(hit => hit.Id).SequenceEqual([shortId]), $"offset 1 is [{Names(secondPage)}]; the full ranking is [{Names(all)}]");
        Assert.NotEqual(textId, topTwo.Hits[1].Id);

        // The best window of the long video lies within it.
        var best = all.Hits[0].Segment!;
        Assert.True(best.Start >= 0 && best.Start < best.End && best.End <= LongSeconds + 0.1, $"{best}");
    }

    [Fact]
    public async Task Searching_an_empty_index_returns_no_hits_rather_than_an_error()
    {
        await using var factory = new SearchApiFactory(RepositoryPaths.ShippedModels);
        using var client = factory.CreateClient();

        var result = await ApiCalls.SearchAsync(client, new { text = "a red dress", top_k = 5, group = false });
        using var unknownField = await ApiCalls.PostJsonAsync(client, "/v1/search", """{"text":"a red dress","filter":{"color":"red"}}""");
        using var standardField = await ApiCalls.PostJsonAsync(client, "/v1/search", """{"text":"a red dress","filter":{"title":"x","tags":["a"],"source":"b"}}""");

        Assert.Empty(result.Hits);
        Assert.Equal("text", result.QueryModality);
        await ApiCalls.AssertProblemAsync(unknownField, HttpStatusCode.BadRequest);
        Assert.Empty((await ApiCalls.ReadOkAsync<SearchView>(standardField)).Hits);
    }
}

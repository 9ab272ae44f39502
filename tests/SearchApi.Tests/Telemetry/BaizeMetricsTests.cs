using System.Net;
using Baize.SearchApi.Telemetry;
using Baize.SearchApi.Tests.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Baize.SearchApi.Tests.Telemetry;

public sealed class BaizeMetricsTests
{
    [Fact]
    public async Task Metrics_endpoint_exports_search_and_request_durations_without_a_key()
    {
        await using var app = await StartAsync();
        var metrics = app.Services.GetRequiredService<BaizeMetrics>();

        metrics.RecordSearch("image", TimeSpan.FromMilliseconds(3));
        using var search = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key);
        var text = await ScrapeUntilAsync(app, "baize_search_duration", "http_server_request_duration");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Matches(@"(?m)^baize_search_duration_seconds_count\{[^}]*modality=""image""[^}]*\} 1( |$)", text);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync()
    {
        var settings = TestApiHost.WithKeys();
        settings["Telemetry:ScrapeCacheMilliseconds"] = "0";
        return await TestApiHost.StartAsync(settings);
    }

    // ASP.NET Core records a request's duration as the request ends, which can be just after the client has its
    // answer; so scrape a bounded number of times until every expected name is there.
    private static async Task<string> ScrapeUntilAsync(WebApplication app, params string[] names)
    {
        var text = "";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var response = await app.SendAsync(HttpMethod.Get, "/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (names.All(name => text.Contains(name, StringComparison.Ordinal)))
            {
                return text;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return text;
    }
}

using System.Net;

namespace Baize.SearchApi.Tests.Security;

public sealed class RateLimitingTests
{
    [Fact]
    public async Task Third_rapid_request_gets_429_problem_details_with_retry_after()
    {
        await using var app = await TestApiHost.StartAsync(TightLimit());

        using var first = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key);
        using var second = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key);
        using var third = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await TestApiHost.AssertProblemAsync(third, HttpStatusCode.TooManyRequests);
        var retryAfter = third.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Each_key_has_its_own_bucket()
    {
        await using var app = await TestApiHost.StartAsync(TightLimit());

        for (var i = 0; i < 3; i++)
        {
            using var _ = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key);
        }

        using var otherKey = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.AdminKey.Key);

        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task Health_and_metrics_are_not_rate_limited()
    {
        await using var app = await TestApiHost.StartAsync(TightLimit());

        for (var i = 0; i < 4; i++)
        {
            using var health = await app.SendAsync(HttpMethod.Get, "/health/live");
            using var metrics = await app.SendAsync(HttpMethod.Get, "/metrics");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }
    }

    [Fact]
    public async Task Disabled_rate_limiting_lets_every_request_through()
    {
        var settings = TightLimit();
        settings["RateLimiting:Enabled"] = "false";
        await using var app = await TestApiHost.StartAsync(settings);

        for (var i = 0; i < 4; i++)
        {
            using var response = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    // Two requests at once, then one every 1000 seconds: no refill can happen during a test.
    private static Dictionary<string, string?> TightLimit()
    {
        var settings = TestApiHost.WithKeys();
        settings["RateLimiting:Burst"] = "2";
        settings["RateLimiting:PermitsPerSecond"] = "0.001";
        return settings;
    }
}

using System.Net;
using Baize.SearchApi.Security;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Tests.Security;

public sealed class ApiKeyAuthenticationTests
{
    [Fact]
    public async Task Missing_key_gets_401_problem_details()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(HttpMethod.Get, "/search");

        await TestApiHost.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == ApiKeyDefaults.Scheme);
    }

    [Fact]
    public async Task Wrong_key_gets_401_problem_details()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(HttpMethod.Get, "/search", "not-a-configured-key-at-all");

        var problem = await TestApiHost.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", problem.Detail, StringComparison.Ordinal);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Parameter?.Contains("invalid_token", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Search_key_on_an_admin_route_gets_403_problem_details()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(HttpMethod.Delete, "/collections/1", TestApiHost.SearchKey.Key);

        var problem = await TestApiHost.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("search-client", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "GET", "/search", HttpStatusCode.OK)]
    [InlineData("search", "GET", "/items/1", HttpStatusCode.OK)]
    [InlineData("search", "POST", "/items", HttpStatusCode.Forbidden)]
    [InlineData("search", "DELETE", "/collections/1", HttpStatusCode.Forbidden)]
    [InlineData("ingest", "GET", "/search", HttpStatusCode.Forbidden)]
    [InlineData("ingest", "GET", "/items/1", HttpStatusCode.OK)]
    [InlineData("ingest", "POST", "/items", HttpStatusCode.OK)]
    [InlineData("ingest", "DELETE", "/collections/1", HttpStatusCode.Forbidden)]
    [InlineData("admin", "GET", "/search", HttpStatusCode.OK)]
    [InlineData("admin", "GET", "/items/1", HttpStatusCode.OK)]
    [InlineData("admin", "POST", "/items", HttpStatusCode.OK)]
    [InlineData("admin", "DELETE", "/collections/1", HttpStatusCode.OK)]
    public async Task Each_role_reaches_what_it_may_and_nothing_else(string role, string method, string path, HttpStatusCode expected)
    {
        var key = role switch
        {
            ApiRoles.Search => TestApiHost.SearchKey,
            ApiRoles.Ingest => TestApiHost.IngestKey,
            _ => TestApiHost.AdminKey,
        };
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(new HttpMethod(method), path, key.Key);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Bearer_form_is_accepted()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(HttpMethod.Get, "/search", TestApiHost.SearchKey.Key, bearer: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Endpoints_without_a_policy_need_a_valid_key_and_anonymous_ones_none()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var unmarked = await app.SendAsync(HttpMethod.Get, "/unmarked");
        using var unmarkedWithKey = await app.SendAsync(HttpMethod.Get, "/unmarked", TestApiHost.IngestKey.Key);
        using var health = await app.SendAsync(HttpMethod.Get, "/health/live");

        Assert.Equal(HttpStatusCode.Unauthorized, unmarked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unmarkedWithKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Without_keys_authentication_is_off()
    {
        await using var app = await TestApiHost.StartAsync([]);

        using var admin = await app.SendAsync(HttpMethod.Delete, "/collections/1");
        using var search = await app.SendAsync(HttpMethod.Get, "/search", "any-string-is-ignored", bearer: true);

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task A_key_with_an_unknown_role_is_refused_at_start()
    {
        var settings = TestApiHost.WithKeys();
        settings["Auth:Keys:0:Roles:0"] = "superuser";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApiHost.StartAsync(settings));

        Assert.Contains("unknown role 'superuser'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_key_is_refused_at_start()
    {
        var settings = TestApiHost.WithKeys();
        settings["Auth:Keys:1:Key"] = "short";

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApiHost.StartAsync(settings));

        Assert.Contains($"at least {AuthOptions.MinimumKeyLength} characters", error.Message, StringComparison.Ordinal);
    }
}

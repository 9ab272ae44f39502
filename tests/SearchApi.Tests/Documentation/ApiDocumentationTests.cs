using System.Net;
using System.Text.Json;
using Baize.SearchApi.Security;
using Baize.SearchApi.Tests.Security;

namespace Baize.SearchApi.Tests.Documentation;

public sealed class ApiDocumentationTests
{
    [Fact]
    public async Task OpenApi_document_has_the_title_and_the_key_schemes_without_a_key()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = document.RootElement;
        Assert.Equal("Baize search API", root.GetProperty("info").GetProperty("title").GetString());
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiKeyDefaults.Scheme);
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal(ApiKeyDefaults.HeaderName, scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Secured_operations_list_the_roles_they_accept()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var response = await app.SendAsync(HttpMethod.Get, "/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var delete = document.RootElement.GetProperty("paths").GetProperty("/collections/1").GetProperty("delete");
        var requirement = delete.GetProperty("security")[0].GetProperty(ApiKeyDefaults.Scheme);
        Assert.Equal([ApiRoles.Admin], requirement.EnumerateArray().Select(role => role.GetString()));
        Assert.True(delete.GetProperty("responses").TryGetProperty("403", out _));
    }

    [Fact]
    public async Task Docs_page_is_html_without_a_key()
    {
        await using var app = await TestApiHost.StartAsync(TestApiHost.WithKeys());

        using var redirect = await app.SendAsync(HttpMethod.Get, "/docs");
        var location = redirect.Headers.Location?.ToString() ?? "/docs";
        using var page = await app.SendAsync(HttpMethod.Get, location);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Baize search API", html, StringComparison.Ordinal);
    }
}

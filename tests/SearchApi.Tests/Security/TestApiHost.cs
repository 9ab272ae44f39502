using System.Net;
using System.Net.Http.Json;
using Baize.SearchApi.Documentation;
using Baize.SearchApi.Security;
using Baize.SearchApi.Security.RateLimiting;
using Baize.SearchApi.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baize.SearchApi.Tests.Security;

/// <summary>
/// A small in-process host wired the way SearchApiApplication is meant to wire security, rate limiting, metrics and
/// documentation, with one dummy endpoint per policy, so these tests do not depend on the real application's wiring.
/// </summary>
internal static class TestApiHost
{
    public static ApiKeyEntry SearchKey { get; } = Key("search-client", "search-key-3q2+7wYxTzL0", ApiRoles.Search);

    public static ApiKeyEntry IngestKey { get; } = Key("ingest-client", "ingest-key-Pm4RkV9sQa1c", ApiRoles.Ingest);

    public static ApiKeyEntry AdminKey { get; } = Key("admin-client", "admin-key-Zx8LdN2uWe6h", ApiRoles.Admin);

    /// <summary>Settings with the three test keys configured.</summary>
    public static Dictionary<string, string?> WithKeys() => new(ApiKeyFile.ToConfiguration([SearchKey, IngestKey, AdminKey]));

    /// <param name="kestrel">Listen on real sockets (at the configured urls) instead of an in-memory test server.</param>
    public static async Task<WebApplication> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, bool kestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        if (!kestrel)
        {
            builder.WebHost.UseTestServer();
        }

        // Pinned, so an ASPNETCORE_URLS in the environment cannot trip the loopback guard; tests that mean to override it.
        builder.Configuration.AddInMemoryCollection([new("urls", "http://127.0.0.1:5080")]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHealthChecks();
        builder.Services.AddApiSecurity();
        builder.Services.AddApiRateLimiting();
        builder.Services.AddBaizeTelemetry();
        builder.Services.AddApiDocumentation();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.UseApiRateLimiting();
        app.MapHealthChecks("/health/live").AllowAnonymous().DisableRateLimiting();
        app.MapBaizeMetrics();
        app.MapApiDocumentation();
        app.MapGet("/search", () => "searched").RequireAuthorization(ApiPolicies.Search);
        app.MapGet("/items/1", () => "item").RequireAuthorization(ApiPolicies.ReadItems);
        app.MapPost("/items", () => "ingested").RequireAuthorization(ApiPolicies.Ingest);
        app.MapDelete("/collections/1", () => "deleted").RequireAuthorization(ApiPolicies.Admin);
        app.MapGet("/unmarked", () => "any valid key");
        try
        {
            await app.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public static async Task<HttpResponseMessage> SendAsync(this WebApplication app, HttpMethod method, string path, string? key = null, bool bearer = false)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null && bearer)
        {
            request.Headers.Authorization = new("Bearer", key);
        }
        else if (key is not null)
        {
            request.Headers.Add(ApiKeyDefaults.HeaderName, key);
        }

        using var client = app.GetTestClient();
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    private static ApiKeyEntry Key(string name, string key, string role)
    {
        var entry = new ApiKeyEntry { Name = name, Key = key };
        entry.Roles.Add(role);
        return entry;
    }
}

using System.Text.Json;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.SearchApi.Admin;
using Baize.SearchApi.Documentation;
using Baize.SearchApi.Encoders;
using Baize.SearchApi.Items;
using Baize.SearchApi.Search;
using Baize.SearchApi.Security;
using Baize.SearchApi.Security.RateLimiting;
using Baize.SearchApi.Telemetry;

namespace Baize.SearchApi.Hosting;

/// <summary>
/// Builds the web application for every role, so that <c>Program</c>, <c>baize serve</c> and the tests host exactly
/// the same thing. An indexer-only process still serves health checks and metrics.
/// </summary>
public static class SearchApiApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var roles = HostRoles.From(builder.Configuration);
        var services = builder.Services;
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = null;
        });
        services.AddOptions<SearchApiOptions>()
            .BindConfiguration(SearchApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Encoders load before the bus starts, so the first consumed message finds them.
        services.AddSingleton(provider => new EncoderRegistry(logger: provider.GetRequiredService<ILogger<EncoderRegistry>>()));
        services.AddHostedService<EncoderLoader>();
        services.AddHealthChecks().AddCheck<EncodersHealthCheck>("encoders", tags: ["ready"]);
        services.AddBaizeTelemetry();
        services.AddIndexing(builder.Configuration, runIndexer: roles.Indexer);
        services.AddApiSecurity();
        services.AddApiRateLimiting();
        if (roles.Api)
        {
            services.AddApiDocumentation();
            services.AddSingleton<SearchService>();
            services.AddSingleton<QueryEmbedder>();
            services.AddSingleton<SearchQueryValidator>();
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.UseApiRateLimiting();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous().DisableRateLimiting();
        app.MapBaizeMetrics();
        if (roles.Api)
        {
            app.MapEncodersApi();
            app.MapSearchEndpoints();
            app.MapItemsApi();
            app.MapAdminApi();
            app.MapApiDocumentation();
        }

        return app;
    }

    /// <summary>The model directory the options name, resolved against the working directory.</summary>
    public static ModelDirectory Models(SearchApiOptions options) => new(Path.GetFullPath(options.ModelsFolder));
}

using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Baize.SearchApi.Telemetry;

/// <summary>OpenTelemetry metrics (ASP.NET Core, .NET runtime and <see cref="BaizeMetrics"/>) exported for Prometheus.</summary>
public static class BaizeTelemetry
{
    /// <summary>The OpenTelemetry service.name, reported on Prometheus' target_info.</summary>
    public const string ServiceName = "baize-search-api";

    public static IServiceCollection AddBaizeTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<BaizeMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(BaizeMetrics.MeterName)
                .AddPrometheusExporter());
        services.AddOptions<PrometheusAspNetCoreOptions>()
            .Configure<IOptions<TelemetryOptions>>((prometheus, options) =>
            {
                prometheus.ScrapeEndpointPath = options.Value.MetricsPath;
                prometheus.ScrapeResponseCacheDurationMilliseconds = options.Value.ScrapeCacheMilliseconds;
            });
        return services;
    }

    /// <summary>
    /// Maps the Prometheus scraping endpoint (<c>/metrics</c> unless Telemetry:MetricsPath says otherwise). It is
    /// anonymous and not rate-limited, like health checks: scrapers carry no key, and throttling them leaves gaps.
    /// </summary>
    public static IEndpointConventionBuilder MapBaizeMetrics(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var path = app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsPath;
        return app.MapPrometheusScrapingEndpoint(path).AllowAnonymous().DisableRateLimiting();
    }
}

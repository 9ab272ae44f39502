using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.SearchApi.Encoders;

namespace Baize.SearchApi.Hosting;

/// <summary>Builds the web application, so that <c>Program</c> and the <c>baize serve</c> command host exactly the same thing.</summary>
public static class SearchApiApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<SearchApiOptions>()
            .BindConfiguration(SearchApiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new EncoderRegistry(logger: services.GetRequiredService<ILogger<EncoderRegistry>>()));
        builder.Services.AddHostedService<EncoderLoader>();
        builder.Services.AddHealthChecks().AddCheck<EncodersHealthCheck>("encoders", tags: ["ready"]);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapEncodersApi();
        return app;
    }

    /// <summary>The model directory the options name, resolved against the working directory.</summary>
    public static ModelDirectory Models(SearchApiOptions options) => new(Path.GetFullPath(options.ModelsFolder));
}

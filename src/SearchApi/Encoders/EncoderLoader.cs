using Baize.Embedding;
using Baize.Embedding.Runtime;
using Baize.SearchApi.Hosting;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Encoders;

/// <summary>Activates every modality's active model folder at start-up and logs what is served.</summary>
public sealed partial class EncoderLoader(EncoderRegistry registry, IOptions<SearchApiOptions> options, ILogger<EncoderLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var loaded = registry.ActivateAll(SearchApiApplication.Models(options.Value));
        foreach (var model in loaded)
        {
            LogLoaded(model.Modality, model.Version, model.Manifest.Parameters, model.Path);
        }

        if (loaded.Count == 0)
        {
            LogNoModels(Path.GetFullPath(options.Value.ModelsFolder));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Serving the {Modality} encoder {Version} ({Parameters} parameters) from {Path}")]
    private partial void LogLoaded(Modality modality, string version, long parameters, string path);

    [LoggerMessage(LogLevel.Warning, "No active encoder under {Folder}; search needs at least the text encoder")]
    private partial void LogNoModels(string folder);
}

using System.CommandLine;
using Baize.Cli.Demo;
using Baize.Embedding.Runtime;
using Baize.Indexer;
using Baize.Indexer.Ingestion;
using Baize.SearchApi.Encoders;
using Baize.SearchApi.Hosting;
using Baize.SearchApi.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Baize.Cli.Commands;

/// <summary><c>baize serve</c>: runs the search API and the indexer (or one of them) on the configured store and bus.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    private const string DemoModelsFolder = "models";

    public static Command Create()
    {
        var demo = new Option<bool>("--demo")
        {
            Description = "Embedded defaults on ./data with the shipped encoders, API keys in data/api-keys.json, and the generated test split indexed.",
        };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => DefaultUrl };
        var models = new Option<string?>("--models") { Description = "The models/ tree to serve from (default: configuration key SearchApi:ModelsFolder)." };
        var role = new Option<string?>("--role") { Description = "api, indexer, or both (default): which roles this process plays." };
        var command = new Command("serve", "Run the search API and the indexer.") { demo, urls, models, role };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var isDemo = parse.GetValue(demo);
            List<string> arguments = ["--urls", parse.GetValue(urls)!];
            if ((parse.GetValue(models) ?? (isDemo ? DemoModelsFolder : null)) is { } folder)
            {
                arguments.Add($"--{SearchApiOptions.Section}:ModelsFolder={folder}");
            }

            if (parse.GetValue(role) is { } roles)
            {
                arguments.Add($"--{HostRoles.Setting}={roles}");
            }

            IReadOnlyList<ApiKeyEntry> demoKeys = [];
            await using var app = SearchApiApplication.Build([.. arguments], builder =>
            {
                if (isDemo && ApiSecurity.RequiresLoopbackOnly(builder.Configuration))
                {
                    var dataFolder = builder.Configuration[$"{IndexerOptions.Section}:{nameof(IndexerOptions.DataFolder)}"] ?? "data";
                    demoKeys = ApiKeyFile.LoadOrCreate(Path.Combine(dataFolder, "api-keys.json"));
                    builder.Configuration.AddInMemoryCollection(ApiKeyFile.ToConfiguration(demoKeys));
                }
            });
            await app.StartAsync(cancellationToken);
            Report(app, demoKeys);
            if (isDemo)
            {
                _ = IndexDemoCorpusAsync(app, cancellationToken);
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }

    private static void Report(WebApplication app, IReadOnlyList<ApiKeyEntry> demoKeys)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var encoder in EncodersApi.Active(app.Services.GetRequiredService<EncoderRegistry>()))
        {
            Console.WriteLine($"encoder {encoder.Modality}: {encoder.Id} {encoder.Version}, {encoder.Parameters:N0} parameters, d={encoder.Dimension}");
        }

        var url = addresses.FirstOrDefault() ?? DefaultUrl;
        Console.WriteLine($"Baize is listening on {string.Join(", ", addresses)}: API reference {url}/docs, health {url}/health/ready, metrics {url}/metrics. Ctrl+C stops it.");
        foreach (var key in demoKeys)
        {
            Console.WriteLine($"  {key.Name,-7} key ({string.Join(", ", key.Roles)}): {key.Key}");
        }

        if (demoKeys.FirstOrDefault(key => key.Roles.Contains(ApiRoles.Search)) is { } search)
        {
            Console.WriteLine($"Try: curl -s {url}/v1/search -H 'X-Api-Key: {search.Key}' -H 'Content-Type: application/json' -d '{{\"text\":\"a red dress\",\"top_k\":5}}'");
        }
    }

    private static async Task IndexDemoCorpusAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            var options = app.Services.GetRequiredService<IOptions<IndexerOptions>>().Value;
            var corpus = await DemoCorpus.EnsureAsync(DatasetCommand.DefaultCorpusFolder, Path.Combine(options.DataFolder, "demo-corpus"), cancellationToken);
            var queued = await ActivatorUtilities.CreateInstance<DemoCorpus>(app.Services).IndexAsync(corpus, cancellationToken);
            Console.WriteLine(queued > 0
                ? $"demo: queued {queued} items of the test split of {corpus.Root}; they become searchable as they are indexed (GET /v1/jobs/{{id}})."
                : $"demo: the test split of {corpus.Root} is already in the catalogue.");
        }
        catch (OperationCanceledException)
        {
            // Stopped while queueing: the next start picks up where this one left off.
        }
        catch (Exception exception) when (exception is IngestionException or InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"demo: the test split could not be indexed: {exception.Message}");
        }
    }
}

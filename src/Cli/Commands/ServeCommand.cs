using System.CommandLine;
using Baize.Embedding.Runtime;
using Baize.SearchApi.Encoders;
using Baize.SearchApi.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Baize.Cli.Commands;

/// <summary><c>baize serve</c>: runs the system in one process on embedded defaults.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    private const string DemoModelsFolder = "models";

    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Embedded defaults: the shipped encoders in ./models, whatever the configuration says." };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on.", DefaultValueFactory = _ => DefaultUrl };
        var models = new Option<string?>("--models") { Description = "The models/ tree to serve from (default: configuration key SearchApi:ModelsFolder)." };
        var command = new Command("serve", "Run the search API with its encoders.") { demo, urls, models };
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<string> arguments = ["--urls", parse.GetValue(urls)!];
            if ((parse.GetValue(models) ?? (parse.GetValue(demo) ? DemoModelsFolder : null)) is { } folder)
            {
                arguments.Add($"--{SearchApiOptions.Section}:ModelsFolder={folder}");
            }

            await using var app = SearchApiApplication.Build([.. arguments]);
            await app.StartAsync(cancellationToken);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var encoder in EncodersApi.Active(app.Services.GetRequiredService<EncoderRegistry>()))
            {
                Console.WriteLine($"encoder {encoder.Modality}: {encoder.Id} {encoder.Version}, {encoder.Parameters:N0} parameters, d={encoder.Dimension}");
            }

            Console.WriteLine($"Baize is listening on {string.Join(", ", addresses)} (encoders: GET /v1/encoders; health: /health/ready). Ctrl+C stops it.");
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}

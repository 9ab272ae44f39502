using Baize.SearchApi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baize.BenchSupport;

/// <summary>
/// The real application, built by <see cref="SearchApiApplication.Build"/> exactly as <c>baize serve</c> builds it
/// (API and indexer roles, embedded vector store, in-memory bus), listening with Kestrel on a free loopback port. No
/// API keys are configured, so authentication is off, which the app allows on loopback only. Rate limiting is off so
/// a load generator, uploads and job polls are not throttled. The data folder is a fresh temporary folder, deleted on
/// disposal.
/// </summary>
/// <remarks>Only a benchmark that references src/SearchApi itself can start it (this library does not pass it on).</remarks>
public sealed class InProcessApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataFolder;

    private InProcessApp(WebApplication app, DirectoryInfo dataFolder, Uri address)
    {
        _app = app;
        _dataFolder = dataFolder;
        Address = address;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The address Kestrel bound, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    public string DataFolder => _dataFolder.FullName;

    /// <param name="benchmark">Names the temporary data folder, <c>baize-bench-&lt;benchmark&gt;-*</c>.</param>
    /// <param name="settings">Configuration that overrides the defaults above (e.g. Indexer:Quantization).</param>
    public static async Task<InProcessApp> StartAsync(
        string benchmark, string modelsFolder, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var data = Directory.CreateTempSubdirectory($"baize-bench-{benchmark}-");
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SearchApi:ModelsFolder"] = Path.GetFullPath(modelsFolder),
            ["Indexer:DataFolder"] = data.FullName,
            ["RateLimiting:Enabled"] = "false",

            // Warnings only, and on stderr: stdout carries the Markdown table, and a log line per request or indexed
            // item would be load of its own.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        WebApplication? app = null;
        try
        {
            app = SearchApiApplication.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(configuration));
            await app.StartAsync(cancellationToken);
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no bound address.");
            return new InProcessApp(app, data, new Uri(bound));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            data.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync();
        }
        finally
        {
            await _app.DisposeAsync();
            try
            {
                _dataFolder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the system's temp cleaner.
            }
        }
    }
}

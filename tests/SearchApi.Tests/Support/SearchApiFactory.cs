using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Baize.SearchApi.Tests.Support;

/// <summary>
/// The real API and indexer in-process (embedded store, in-memory bus), serving the models tree it is given, with
/// its own temporary data folder that is deleted on disposal. Extra settings override configuration.
/// </summary>
public sealed class SearchApiFactory(string modelsFolder, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public DirectoryInfo DataFolder { get; } = Directory.CreateTempSubdirectory("baize-api-data-");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DataFolder.Delete(recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchApi:ModelsFolder", modelsFolder);
        builder.UseSetting("Indexer:DataFolder", DataFolder.FullName);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Baize.SearchApi.Tests.Support;

/// <summary>The real API in-process, serving the models tree it is given.</summary>
public sealed class SearchApiFactory(string modelsFolder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchApi:ModelsFolder", modelsFolder);
    }
}

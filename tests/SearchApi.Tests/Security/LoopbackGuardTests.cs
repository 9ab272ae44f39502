using System.Net;
using Baize.SearchApi.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Tests.Security;

public sealed class LoopbackGuardTests
{
    [Fact]
    public async Task Without_keys_an_address_bound_beyond_loopback_stops_the_start()
    {
        // Listeners configured in code never show in the configuration; the guard reads what the server bound.
        using var server = new BoundServer("http://127.0.0.1:5080", "http://[::]:5081");
        var guard = Guard(new AuthOptions(), server);

        await guard.StartingAsync(TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => guard.StartedAsync(TestContext.Current.CancellationToken));

        Assert.Contains("http://[::]:5081", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_keys_any_bound_address_is_accepted()
    {
        var options = new AuthOptions();
        options.Keys.Add(TestApiHost.AdminKey);
        using var server = new BoundServer("http://[::]:5081");
        var guard = Guard(options, server);

        await guard.StartingAsync(TestContext.Current.CancellationToken);
        await guard.StartedAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Without_keys_kestrel_on_loopback_starts_and_answers()
    {
        await using var app = await TestApiHost.StartAsync([new("urls", "http://127.0.0.1:0")], kestrel: true);
        var address = Assert.Single(app.Urls);
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        using var response = await client.GetAsync(new Uri("/search", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static LoopbackGuard Guard(AuthOptions options, IServer server) =>
        new(Options.Create(options), new ConfigurationBuilder().Build(), server, NullLogger<LoopbackGuard>.Instance);

    /// <summary>A server that reports the addresses it was given, as Kestrel does once bound.</summary>
    private sealed class BoundServer : IServer
    {
        public BoundServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}

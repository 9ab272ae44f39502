using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Security;

/// <summary>
/// Refuses to start when no API key is configured and the host would listen beyond loopback. It checks the
/// configured addresses before the server binds (hosted services start before the web server), and the
/// addresses the server really bound right after, which also catches listeners configured in code.
/// </summary>
public sealed partial class LoopbackGuard(IOptions<AuthOptions> options, IConfiguration configuration, IServer server, ILogger<LoopbackGuard> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            LogAuthenticationOff();
            LoopbackBinding.ThrowIfExposed(LoopbackBinding.ConfiguredUrls(configuration));
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Test servers have no addresses feature; Kestrel fills it once bound.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (!options.Value.Enabled && addresses is not null)
        {
            LoopbackBinding.ThrowIfExposed(addresses);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Warning, "No API keys are configured: authentication is off and only loopback addresses may be bound")]
    private partial void LogAuthenticationOff();
}

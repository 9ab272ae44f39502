using System.Net.Sockets;
using Baize.TestSupport;

namespace Baize.Indexer.Tests.Support;

/// <summary>
/// The local RabbitMQ (localhost:5672, guest/guest; BAIZE_TEST_RABBITMQ_PORT overrides the port) and throw-away
/// virtual hosts, made with rabbitmqctl, that isolate test runs.
/// </summary>
internal static class RabbitMqBroker
{
    public const string Host = "localhost";

    public static int Port { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("BAIZE_TEST_RABBITMQ_PORT"), out var port) ? port : 5672;

    /// <summary>Null when a TCP connection to the broker succeeds; otherwise why it failed.</summary>
    public static async Task<string?> UnreachableReasonAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await client.ConnectAsync(Host, Port, limit.Token);
            return null;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"RabbitMQ is not reachable on {Host}:{Port} ({exception.Message}); start it with 'rabbitmq-server -detached' (./baize test does) to run this test";
        }
    }

    /// <summary>A fresh virtual host the guest user may use fully; queue names are fixed, so each run gets its own.</summary>
    public static async Task<string> CreateVirtualHostAsync(CancellationToken cancellationToken)
    {
        var name = $"baize-test-{Guid.NewGuid():N}";
        await CommandLine.RunAsync("rabbitmqctl", ["-q", "add_vhost", name], cancellationToken);
        await CommandLine.RunAsync("rabbitmqctl", ["-q", "set_permissions", "-p", name, "guest", ".*", ".*", ".*"], cancellationToken);
        return name;
    }

    public static async Task DeleteVirtualHostAsync(string name)
    {
        try
        {
            await CommandLine.RunAsync("rabbitmqctl", ["-q", "delete_vhost", name], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Best effort: a leftover test vhost does no harm to other runs.
        }
    }
}

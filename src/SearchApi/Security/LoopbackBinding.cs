using System.Net;

namespace Baize.SearchApi.Security;

/// <summary>
/// Which addresses the host is configured to listen on, and whether they are all loopback. Without API keys
/// anyone who can reach the port has every role, so only this machine may reach it.
/// </summary>
public static class LoopbackBinding
{
    /// <summary>
    /// Every address the configuration asks Kestrel to bind: <c>urls</c> (<c>--urls</c>, ASPNETCORE_URLS), the
    /// <c>http_ports</c>/<c>https_ports</c> shortcuts (which bind every interface) and <c>Kestrel:Endpoints:*:Url</c>.
    /// </summary>
    public static IReadOnlyList<string> ConfiguredUrls(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = Split(configuration["urls"]).ToList();
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
            urls.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>()
            .Where(url => url.Length > 0));
        return urls;
    }

    /// <summary>True for localhost, 127.0.0.0/8 and [::1]; false for wildcards (*, +, 0.0.0.0, [::]) and anything else.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = Host(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Throws when authentication is off and any of <paramref name="urls"/> is reachable from other machines.</summary>
    public static void ThrowIfExposed(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var exposed = urls.Where(url => !IsLoopback(url)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"No API keys are configured ({AuthOptions.Section}:Keys is empty), so authentication is off and Baize may listen " +
                $"on loopback addresses only, but it was asked to listen on {string.Join(", ", exposed)}. Configure " +
                $"{AuthOptions.Section}:Keys (see ApiKeyFile / serve --demo), or bind 127.0.0.1, localhost or [::1].");
        }
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // "scheme://host:port/path", host possibly [ipv6]; Uri cannot parse Kestrel's "+" and "*" wildcards.
    private static string Host(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var authority = start < 0 ? url : url[(start + 3)..];
        var slash = authority.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            authority = authority[..slash];
        }

        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[1..close];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }
}

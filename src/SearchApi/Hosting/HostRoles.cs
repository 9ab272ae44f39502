namespace Baize.SearchApi.Hosting;

/// <summary>
/// Which roles this process plays, from the "Baize:Roles" setting (comma-separated): "api" serves HTTP search and
/// ingestion, "indexer" consumes indexing work. The embedded default plays both; a distributed deployment runs each
/// role as its own process with RabbitMQ between them.
/// </summary>
public sealed record HostRoles(bool Api, bool Indexer)
{
    public const string Setting = "Baize:Roles";

    public static HostRoles From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new HostRoles(Api: true, Indexer: true);
        }

        var roles = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Where(role => role is not ("api" or "indexer")).ToList();
        if (unknown.Count > 0 || roles.Length == 0)
        {
            throw new InvalidOperationException($"{Setting} must list api and/or indexer; got '{value}'.");
        }

        return new HostRoles(roles.Contains("api"), roles.Contains("indexer"));
    }
}

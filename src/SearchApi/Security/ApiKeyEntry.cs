namespace Baize.SearchApi.Security;

/// <summary>One configured API key: <c>{ "Key": "...", "Roles": ["search"], "Name": "..." }</c>.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The secret itself. Long random strings only: <see cref="ApiKeyFile"/> makes 32 random bytes.</summary>
    public string Key { get; set; } = "";

    /// <summary>Any of <see cref="ApiRoles.All"/>.</summary>
    public IList<string> Roles { get; } = new List<string>();

    /// <summary>Who holds the key; logs and rate-limit partitions use it, so the secret never appears there.</summary>
    public string Name { get; set; } = "";
}

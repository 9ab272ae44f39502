namespace Baize.SearchApi.Security;

/// <summary>The roles an API key can carry; <see cref="ApiPolicies"/> says what each one may do.</summary>
public static class ApiRoles
{
    public const string Search = "search";
    public const string Ingest = "ingest";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Search, Ingest, Admin];
}

using Microsoft.AspNetCore.Authorization;

namespace Baize.SearchApi.Security;

/// <summary>
/// Authorization policies for endpoints (<c>.RequireAuthorization(ApiPolicies.Search)</c>). Admin may do everything;
/// ingest may ingest and read items and jobs; search may search and read items.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Running queries.</summary>
    public const string Search = "baize:search";

    /// <summary>Adding, updating and deleting items, and reading ingestion jobs.</summary>
    public const string Ingest = "baize:ingest";

    /// <summary>Operating the service: collections, encoder swaps, compression.</summary>
    public const string Admin = "baize:admin";

    /// <summary>Reading stored items: any valid key.</summary>
    public const string ReadItems = "baize:read-items";

    /// <summary>The roles that satisfy each policy: admin is in every one.</summary>
    public static IReadOnlyDictionary<string, string[]> Roles { get; } = new Dictionary<string, string[]>
    {
        [Search] = [ApiRoles.Search, ApiRoles.Admin],
        [Ingest] = [ApiRoles.Ingest, ApiRoles.Admin],
        [Admin] = [ApiRoles.Admin],
        [ReadItems] = [ApiRoles.Search, ApiRoles.Ingest, ApiRoles.Admin],
    };

    internal static void AddTo(AuthorizationBuilder authorization)
    {
        foreach (var (policy, roles) in Roles)
        {
            authorization.AddPolicy(policy, builder => builder.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().RequireRole(roles));
        }

        // An endpoint that names no policy still needs a valid key: forgetting RequireAuthorization fails closed.
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireAuthenticatedUser().Build());
    }
}

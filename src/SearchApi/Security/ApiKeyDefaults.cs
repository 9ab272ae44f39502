namespace Baize.SearchApi.Security;

/// <summary>Names shared by the API-key handler, the rate limiter and the OpenAPI document.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme and the OpenAPI security scheme id.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The header a key may be sent in; <c>Authorization: Bearer &lt;key&gt;</c> works too.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Carries the configured name of the key that authenticated the caller (never the key itself).</summary>
    public const string KeyNameClaimType = "baize:api-key-name";
}

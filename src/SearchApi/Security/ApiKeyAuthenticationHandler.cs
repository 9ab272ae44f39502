using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Baize.SearchApi.Security;

/// <summary>
/// Authenticates a key sent as <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: Bearer &lt;key&gt;</c>, and answers
/// 401 and 403 with RFC 7807 problem details. With no keys configured every caller gets every role.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.Enabled)
        {
            return Task.FromResult(Success("local", ApiRoles.All, keyName: null));
        }

        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var entry = keys.Find(presented);
        if (entry is null)
        {
            LogRejected(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        return Task.FromResult(Success(entry.Name, entry.Roles, entry.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var wrongKey = result.Failure is not null;
        // RFC 6750 asks for error="invalid_token" when a presented token was refused.
        Response.Headers.Append(HeaderNames.WWWAuthenticate, wrongKey ? "Bearer realm=\"baize\", error=\"invalid_token\"" : "Bearer realm=\"baize\"");
        Response.Headers.Append(HeaderNames.WWWAuthenticate, $"{ApiKeyDefaults.Scheme} realm=\"baize\", header=\"{ApiKeyDefaults.HeaderName}\"");
        var detail = wrongKey
            ? "The API key is not valid."
            : $"An API key is required: send it in the {ApiKeyDefaults.HeaderName} header or as 'Authorization: Bearer <key>'.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var roles = string.Join(", ", Context.User.FindAll(ClaimTypes.Role).Select(claim => claim.Value));
        var detail = $"The API key '{Context.User.Identity?.Name}' (roles: {roles}) may not use this endpoint.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[ApiKeyDefaults.HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }

    private AuthenticateResult Success(string name, IEnumerable<string> roles, string? keyName)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (keyName is not null)
        {
            claims.Add(new Claim(ApiKeyDefaults.KeyNameClaimType, keyName));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    [LoggerMessage(LogLevel.Information, "Refused an unknown API key from {RemoteAddress}")]
    private static partial void LogRejected(ILogger logger, string remoteAddress);
}

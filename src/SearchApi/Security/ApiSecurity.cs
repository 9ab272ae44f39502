using Microsoft.AspNetCore.Authentication;

namespace Baize.SearchApi.Security;

/// <summary>Wires API-key authentication, the role policies and the loopback guard into a host.</summary>
public static class ApiSecurity
{
    /// <summary>
    /// Registers the "ApiKey" scheme, the <see cref="ApiPolicies"/> (plus a fallback policy: endpoints naming no
    /// policy need any valid key; mark public ones <c>.AllowAnonymous()</c>), problem details for 401/403, the
    /// "Auth" options and the <see cref="LoopbackGuard"/>.
    /// </summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddProblemDetails();
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        ApiPolicies.AddTo(services.AddAuthorizationBuilder());
        services.AddHostedService<LoopbackGuard>();
        return services;
    }

    /// <summary>Authentication then authorization; call after UseExceptionHandler/UseStatusCodePages, before mapping endpoints.</summary>
    public static IApplicationBuilder UseApiSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseAuthentication().UseAuthorization();
    }

    /// <summary>
    /// True when the configuration holds no API key: authentication is off, so the host must bind loopback only
    /// (the <see cref="LoopbackGuard"/> refuses to start otherwise).
    /// </summary>
    public static bool RequiresLoopbackOnly(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection($"{AuthOptions.Section}:Keys").GetChildren().All(entry => string.IsNullOrEmpty(entry["Key"]));
    }
}

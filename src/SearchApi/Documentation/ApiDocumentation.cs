using Baize.SearchApi.Security;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Baize.SearchApi.Documentation;

/// <summary>The OpenAPI document at /openapi/v1.json and Scalar's interactive reference at /docs, both anonymous.</summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddOptions<ApiDocumentationOptions>()
            .BindConfiguration(ApiDocumentationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiKeyRequirementTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<ApiDocumentationOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        // Anonymous so that a reader can learn how to get a key; not exempt from rate limiting, unlike probes.
        app.MapOpenApi().AllowAnonymous().ExcludeFromDescription();
        app.MapScalarApiReference("/docs", scalar => scalar
                .WithTitle(options.Title)
                .AddPreferredSecuritySchemes([ApiKeyDefaults.Scheme]))
            .AllowAnonymous();
        return app;
    }
}

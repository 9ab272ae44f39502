using Baize.SearchApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Baize.SearchApi.Documentation;

/// <summary>Gives the document its title and declares the two ways to send an API key as security schemes.</summary>
public sealed class ApiDocumentTransformer(IOptions<ApiDocumentationOptions> options) : IOpenApiDocumentTransformer
{
    /// <summary>The OpenAPI id of the <c>Authorization: Bearer &lt;key&gt;</c> scheme; the header scheme is <see cref="ApiKeyDefaults.Scheme"/>.</summary>
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = options.Value.Title;
        document.Info.Version = ApiDocumentation.DocumentName;
        document.Info.Description = "Any-to-any search over text, images, audio and video in one embedding space. " +
            $"Send an API key in the {ApiKeyDefaults.HeaderName} header or as 'Authorization: Bearer <key>'; " +
            "roles: search (search, read items), ingest (ingest, read items and jobs), admin (everything).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key in the X-Api-Key header.",
        };
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The same API key as a bearer token.",
        };
        return Task.CompletedTask;
    }
}

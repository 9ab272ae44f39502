using Baize.SearchApi.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Baize.SearchApi.Documentation;

/// <summary>
/// Marks every operation that needs a key (all but <c>.AllowAnonymous()</c> ones, since a fallback policy covers
/// endpoints naming none) with the two key schemes, listing the roles its policies accept, and its 401/403 answers.
/// </summary>
public sealed class ApiKeyRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        List<string> roles = [.. metadata.OfType<IAuthorizeData>()
            .SelectMany(data => data.Policy is { } policy && ApiPolicies.Roles.TryGetValue(policy, out var accepted) ? accepted : [])
            .Distinct()];
        operation.Security ??= [];
        // Two requirements mean either scheme will do; two schemes in one requirement would mean both at once.
        foreach (var scheme in new[] { ApiKeyDefaults.Scheme, ApiDocumentTransformer.BearerScheme })
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [.. roles] });
        }

        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API key, or not a valid one (problem details)." });
        if (roles.Count > 0)
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"The key lacks a role this needs: {string.Join(", ", roles)} (problem details)." });
        }

        return Task.CompletedTask;
    }
}

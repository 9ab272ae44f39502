using Baize.Embedding.Manifests;
using Baize.Indexer.Messaging;
using Baize.SearchApi.Errors;
using Baize.SearchApi.Security;
using MassTransit;

namespace Baize.SearchApi.Admin;

/// <summary>Operator routes (admin keys only).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/admin/reindex", ReindexAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .Accepts<ReindexRequest>("application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("Reindex")
            .WithSummary("Re-embed every item of a modality with its active encoder into a shadow collection, then switch searches to it.");
        return app;
    }

    private static async Task<IResult> ReindexAsync(HttpRequest request, ISendEndpointProvider sendEndpoints, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestBody.ReadJsonAsync<ReindexRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!ManifestJson.TryParseModality(body!.Modality, out var modality))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["modality"] = ["must be text, image, audio or video."] }, title: "Invalid reindex request");
        }

        var queue = await sendEndpoints.GetSendEndpoint(IndexerQueues.Address(IndexerQueues.Reindex));
        await queue.Send(new ReindexRequested(ManifestJson.ModalityName(modality), "requested by an operator"), cancellationToken);
        return TypedResults.Accepted((string?)null, new { modality = ManifestJson.ModalityName(modality), status = "queued" });
    }
}

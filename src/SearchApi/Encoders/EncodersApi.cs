using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Runtime;

namespace Baize.SearchApi.Encoders;

/// <summary><c>GET /v1/encoders</c>: the encoders being served, one per modality.</summary>
public static class EncodersApi
{
    public static IEndpointRouteBuilder MapEncodersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/encoders", (EncoderRegistry registry) => TypedResults.Ok(Active(registry)))
            .RequireAuthorization(Security.ApiPolicies.Search)
            .WithName("ListEncoders")
            .WithSummary("The active encoder of every modality.");
        return app;
    }

    public static IReadOnlyList<EncoderStatus> Active(EncoderRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var served = new List<EncoderStatus>();
        foreach (var modality in Enum.GetValues<Modality>())
        {
            if (!registry.TryLease(modality, out var lease))
            {
                continue;
            }

            using (lease)
            {
                var manifest = lease.Encoder.Model.Manifest;
                served.Add(new EncoderStatus(
                    ManifestJson.ModalityName(modality), manifest.Id, manifest.Version, manifest.Dimension,
                    manifest.Parameters, manifest.Macs, manifest.Lineage.Method, manifest.Metrics));
            }
        }

        return served;
    }
}

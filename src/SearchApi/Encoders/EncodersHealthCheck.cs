using Baize.Embedding;
using Baize.Embedding.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Baize.SearchApi.Encoders;

/// <summary>Ready once a text encoder is active: every query path needs it (text is the hub of the space).</summary>
public sealed class EncodersHealthCheck(EncoderRegistry registry) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(registry.ActiveVersion(Modality.Text) is null
            ? HealthCheckResult.Unhealthy("no text encoder is active")
            : HealthCheckResult.Healthy());
}

using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Baize.Vectors.Qdrant;

/// <summary>The resilience pipeline of the Qdrant HttpClient, shared by the DI registration and the standalone store.</summary>
internal static class QdrantResilience
{
    public const string PipelineName = "qdrant";

    /// <summary>
    /// Retries with exponential backoff and jitter on transient failures only: 408, 429, 5xx, a failed connection
    /// (<see cref="HttpRequestException"/>) and an attempt that timed out. Other 4xx answers (400 bad input, 401/403,
    /// 404, 409, 422) are final and never retried. A Retry-After header on a 429 or 503 is honoured. Each attempt has its
    /// own timeout.
    /// </summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, QdrantVectorStoreOptions options)
    {
        if (options.MaxRetryAttempts > 0)
        {
            // Retrying PUT and POST is safe here because every write this adapter sends is idempotent: an upsert
            // replaces the points by id, deletes by id or filter and alias switches converge to the same state when
            // repeated, payload index creation is a no-op the second time, and a collection create repeated after a
            // lost answer gets 409, which EnsureCollectionExistsAsync reads as "exists, check it".
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                ShouldHandle = arguments => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(arguments.Outcome)),
            });
        }

        // Inside the retry, so that it bounds each attempt and a timed-out attempt is retried.
        builder.AddTimeout(options.RequestTimeout);
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Baize.SearchApi.Security.RateLimiting;

/// <summary>
/// A global token-bucket limiter partitioned by API key name (by client address when authentication is off or the
/// caller is anonymous). Rejections are 429 problem details with Retry-After. Endpoints opt out with
/// <c>.DisableRateLimiting()</c> (health checks, /metrics).
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddProblemDetails();
        services.AddRateLimiter(_ => { });
        // Configured from the bound options when first resolved, so every configuration source counts.
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitingOptions>>((limiter, options) => Configure(limiter, options.Value));
        return services;
    }

    /// <summary>Call after <c>UseApiSecurity()</c>: partitions need the authenticated key name.</summary>
    public static IApplicationBuilder UseApiRateLimiting(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseRateLimiter();
    }

    private static void Configure(RateLimiterOptions limiter, RateLimitingOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }

        // The bucket refills whole tokens per period: 200/s refills 200 every second, 0.5/s one every two seconds.
        var tokensPerPeriod = (int)Math.Max(1, Math.Round(options.PermitsPerSecond));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / options.PermitsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
            context => RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => bucket));
        limiter.OnRejected = (rejected, _) => RejectAsync(rejected, bucket);
    }

    private static string PartitionKey(HttpContext context)
    {
        var keyName = context.User.FindFirst(ApiKeyDefaults.KeyNameClaimType)?.Value;
        return keyName is not null ? $"key:{keyName}" : $"ip:{context.Connection.RemoteIpAddress}";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, TokenBucketRateLimiterOptions bucket)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : bucket.ReplenishmentPeriod;
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        rejected.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests: the limit is bursts of {bucket.TokenLimit}, refilled by {bucket.TokensPerPeriod} " +
            $"every {bucket.ReplenishmentPeriod.TotalSeconds:0.###} s. Retry after {seconds} s.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(rejected.HttpContext);
    }
}

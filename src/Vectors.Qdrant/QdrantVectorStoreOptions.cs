using System.Globalization;

namespace Baize.Vectors.Qdrant;

/// <summary>Where the Qdrant server is and how requests to it are sent, timed out, retried and batched.</summary>
public sealed class QdrantVectorStoreOptions
{
    private const int MinRequestBytes = 4096;

    /// <summary>Qdrant's REST endpoint (port 6333 by default); may carry a path prefix when Qdrant sits behind a proxy.</summary>
    public Uri Url { get; set; } = new("http://localhost:6333");

    /// <summary>Sent as the <c>api-key</c> header when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt of one request may take before it is abandoned (and retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt of a request that failed transiently (408, 429, 5xx, no connection,
    /// timeout); 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later retries double it, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The most points one upsert request carries.</summary>
    public int UpsertBatchSize { get; set; } = 512;

    /// <summary>The largest upsert request body, in bytes; Qdrant refuses bodies over <c>service.max_request_size_mb</c>
    /// (32 MB by default), so the default keeps well under it.</summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>What is wrong with these options; empty when they are usable.</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{nameof(Url)} must be an absolute http or https URL (for example http://localhost:6333); it is '{Url}'.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(RequestTimeout)} must be positive; it is {RequestTimeout}.");
        }

        if (MaxRetryAttempts < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxRetryAttempts)} must not be negative; it is {MaxRetryAttempts}."));
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            problems.Add($"{nameof(RetryDelay)} must not be negative; it is {RetryDelay}.");
        }

        if (UpsertBatchSize < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(UpsertBatchSize)} must be at least 1; it is {UpsertBatchSize}."));
        }

        if (MaxRequestBytes < MinRequestBytes)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{nameof(MaxRequestBytes)} must be at least {MinRequestBytes}; it is {MaxRequestBytes}."));
        }

        return problems;
    }

    /// <summary>Throws when the options are unusable.</summary>
    internal void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid Qdrant options: {string.Join(" ", problems)}");
        }
    }
}

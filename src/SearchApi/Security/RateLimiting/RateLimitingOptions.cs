using System.ComponentModel.DataAnnotations;

namespace Baize.SearchApi.Security.RateLimiting;

/// <summary>The "RateLimiting" section: one token bucket per API key (per client address when authentication is off).</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second per caller; fractions allowed (0.5 = one request every two seconds).</summary>
    [Range(0.001, 1_000_000)]
    public double PermitsPerSecond { get; set; } = 200;

    /// <summary>Requests a caller may make at once after being idle: the size of its bucket.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 400;
}

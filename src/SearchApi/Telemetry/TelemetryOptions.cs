using System.ComponentModel.DataAnnotations;

namespace Baize.SearchApi.Telemetry;

/// <summary>The "Telemetry" section: where Prometheus scrapes and how often it really collects.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    [Required]
    [RegularExpression("^/.*", ErrorMessage = "MetricsPath must start with '/'.")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>
    /// How long one scrape's text is reused: concurrent scrapers then cost one collection. 0 collects on every scrape.
    /// </summary>
    [Range(0, 60_000)]
    public int ScrapeCacheMilliseconds { get; set; } = 300;
}

using System.ComponentModel.DataAnnotations;

namespace Baize.Indexer.Messaging;

/// <summary>Which bus carries indexing work; bound from the "Messaging" configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>InMemory when everything runs in one process; RabbitMq when the API and indexers are separate processes.</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    [Required]
    public string RabbitMqHost { get; set; } = "localhost";

    [Range(1, 65535)]
    public ushort RabbitMqPort { get; set; } = 5672;

    [Required]
    public string RabbitMqVirtualHost { get; set; } = "/";

    [Required]
    public string RabbitMqUser { get; set; } = "guest";

    [Required]
    public string RabbitMqPassword { get; set; } = "guest";

    /// <summary>Deliveries held per consumer before acknowledgement.</summary>
    [Range(1, 1000)]
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>Immediate retries of a message that failed for a reason other than its media, before it goes to the error queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 3;

    [Range(0, 60_000)]
    public int RetryIntervalMilliseconds { get; set; } = 500;
}

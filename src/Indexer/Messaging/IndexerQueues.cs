namespace Baize.Indexer.Messaging;

/// <summary>
/// Queue names. Producers send to the queue rather than publish to an exchange: with RabbitMQ a published message is
/// dropped when no consumer has bound its queue yet, while sending declares the durable queue first.
/// </summary>
public static class IndexerQueues
{
    public const string IndexItem = "index-item";
    public const string Reindex = "reindex";

    public static Uri Address(string queue) => new($"queue:{queue}");
}

namespace Baize.Indexer.Messaging;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

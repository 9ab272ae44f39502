using Baize.Indexer.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Baize.Indexer.Consumers;

/// <summary>The <c>index-item</c> endpoint: bounded concurrency (the batcher merges the concurrent embeddings) and short retries.</summary>
public sealed class IndexItemConsumerDefinition : ConsumerDefinition<IndexItemConsumer>
{
    private readonly MessagingOptions _messaging;
    private readonly int _concurrency;

    public IndexItemConsumerDefinition(IOptions<IndexerOptions> indexer, IOptions<MessagingOptions> messaging)
    {
        _messaging = messaging.Value;
        EndpointName = IndexerQueues.IndexItem;
        _concurrency = indexer.Value.ConcurrentMessages;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IndexItemConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbitMq)
        {
            rabbitMq.PrefetchCount = _messaging.PrefetchCount;
        }

        // Retries held in memory keep a concurrency slot, so they stay few and short.
        endpointConfigurator.UseMessageRetry(retry => retry.Interval(_messaging.RetryLimit, TimeSpan.FromMilliseconds(_messaging.RetryIntervalMilliseconds)));

        // Messages for one item run one after another, so an upload repeated while indexing cannot interleave writes.
        consumerConfigurator.Message<IndexItemRequested>(message => message.UsePartitioner(_concurrency, context => context.Message.ItemId));
    }
}

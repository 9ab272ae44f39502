using Baize.Indexer.Messaging;
using MassTransit;

namespace Baize.Indexer.Consumers;

/// <summary>One reindex at a time per indexer; a reindex is long, so it is not retried in memory (a restart resumes it).</summary>
public sealed class ReindexConsumerDefinition : ConsumerDefinition<ReindexConsumer>
{
    public ReindexConsumerDefinition()
    {
        EndpointName = IndexerQueues.Reindex;
        ConcurrentMessageLimit = 1;
    }
}

using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Runtime;
using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baize.Indexer.Hosting;

/// <summary>
/// When an indexer starts: items still queued or processing are announced again (the in-memory bus loses messages
/// with its process; a redelivered duplicate only rewrites the same points), and every modality whose alias names a
/// collection of another encoder version than the active one is re-indexed.
/// </summary>
public sealed partial class PendingWorkResumer(
    ItemCatalog catalog,
    EncoderRegistry encoders,
    ModalityCollections collections,
    IBus sendEndpoints,
    ILogger<PendingWorkResumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var indexQueue = await sendEndpoints.GetSendEndpoint(IndexerQueues.Address(IndexerQueues.IndexItem));
        var resumed = 0;
        await foreach (var item in catalog.ListAsync([ItemStatus.Queued, ItemStatus.Processing], stoppingToken))
        {
            await indexQueue.Send(new IndexItemRequested(item.Id, Guid.Empty, item.Generation), stoppingToken);
            resumed++;
        }

        if (resumed > 0)
        {
            LogResumed(resumed);
        }

        var reindexQueue = await sendEndpoints.GetSendEndpoint(IndexerQueues.Address(IndexerQueues.Reindex));
        foreach (var modality in Enum.GetValues<Modality>())
        {
            var active = encoders.ActiveVersion(modality);
            var serving = await collections.ServingCollectionAsync(modality, stoppingToken);
            if (active is not null && serving is not null && serving != ModalityCollections.CollectionName(modality, active))
            {
                var reason = $"the index holds {serving}, the active encoder is {active}";
                await reindexQueue.Send(new ReindexRequested(ManifestJson.ModalityName(modality), reason), stoppingToken);
                LogReindex(modality, reason);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Announced {Count} unfinished items to the indexer again")]
    private partial void LogResumed(int count);

    [LoggerMessage(LogLevel.Information, "Re-indexing {Modality}: {Reason}")]
    private partial void LogReindex(Modality modality, string reason);
}

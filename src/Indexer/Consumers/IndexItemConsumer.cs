using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Baize.Indexer.Consumers;

/// <summary>
/// Indexes one item. Delivery is at least once, and indexing is idempotent, so a redelivered message only rewrites
/// the same points. Media that cannot be decoded fails the item at once with the decoder's reason; any other error
/// is retried and, when retries run out, lands in the error queue and fails the item through its fault.
/// </summary>
public sealed partial class IndexItemConsumer(ItemCatalog catalog, ItemIndexer indexer, ItemRemover remover, ILogger<IndexItemConsumer> logger)
    : IConsumer<IndexItemRequested>
{
    public async Task Consume(ConsumeContext<IndexItemRequested> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var item = await catalog.GetItemAsync(message.ItemId, cancellationToken);
        if (item is null)
        {
            LogDeleted(message.ItemId);
            return;
        }

        // A duplicate (redelivered after a crash, or announced again by a starting indexer) finds its work done.
        if (item.Status == ItemStatus.Indexed)
        {
            LogAlreadyIndexed(item.Id);
            return;
        }

        if (!await catalog.SetStatusAsync(item.Id, ItemStatus.Processing, generation: item.Generation, cancellationToken: cancellationToken))
        {
            LogSuperseded(item.Id);
            return;
        }

        try
        {
            var index = await indexer.IndexAsync(item, only: null, cancellationToken);
            if (!await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: index, generation: item.Generation, cancellationToken: cancellationToken))
            {
                await SettleSupersededAsync(item, cancellationToken);
                return;
            }

            LogIndexed(item.Id, item.Kind, index.Values.Sum(modality => modality.Points));
        }
        catch (Exception exception) when (IndexingFailure.IsPermanent(exception))
        {
            // Points of the modalities that did succeed must not keep a failed item searchable.
            await remover.RemovePointsAsync(item, cancellationToken);
            await catalog.SetStatusAsync(item.Id, ItemStatus.Failed, error: exception.Message, generation: item.Generation, cancellationToken: cancellationToken);
            LogFailed(item.Id, exception.Message);
        }
    }

    /// <summary>The item changed while it was embedded: deleted (take back the points just written) or uploaded
    /// again (the newer upload's message rewrites the points with its metadata and reports then).</summary>
    private async Task SettleSupersededAsync(ItemRecord item, CancellationToken cancellationToken)
    {
        if (await catalog.GetItemAsync(item.Id, cancellationToken) is null)
        {
            await remover.RemovePointsAsync(item, cancellationToken);
            LogDeleted(item.Id);
        }
        else
        {
            LogSuperseded(item.Id);
        }
    }

    [LoggerMessage(LogLevel.Information, "Item {ItemId} ({Kind}) indexed as {Points} points")]
    private partial void LogIndexed(Guid itemId, ItemKind kind, int points);

    [LoggerMessage(LogLevel.Information, "Item {ItemId} is already indexed; duplicate message ignored")]
    private partial void LogAlreadyIndexed(Guid itemId);

    [LoggerMessage(LogLevel.Information, "Item {ItemId} was deleted; nothing to index")]
    private partial void LogDeleted(Guid itemId);

    [LoggerMessage(LogLevel.Information, "Item {ItemId} was uploaded again meanwhile; the newer upload's message indexes it")]
    private partial void LogSuperseded(Guid itemId);

    [LoggerMessage(LogLevel.Warning, "Item {ItemId} failed: {Reason}")]
    private partial void LogFailed(Guid itemId, string reason);
}

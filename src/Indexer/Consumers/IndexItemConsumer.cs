using System.Text;
using Baize.Embedding.Media;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using Baize.Indexer.Segments;
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

        await catalog.SetStatusAsync(item.Id, ItemStatus.Processing, cancellationToken: cancellationToken);
        try
        {
            var index = await indexer.IndexAsync(item, only: null, cancellationToken);
            if (!await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: index, cancellationToken: cancellationToken))
            {
                // Deleted while it was being embedded: take back the points just written.
                await remover.RemovePointsAsync(item, cancellationToken);
                LogDeleted(item.Id);
                return;
            }

            LogIndexed(item.Id, item.Kind, index.Values.Sum(modality => modality.Points));
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            await catalog.SetStatusAsync(item.Id, ItemStatus.Failed, error: exception.Message, cancellationToken: cancellationToken);
            LogFailed(item.Id, exception.Message);
        }
    }

    /// <summary>Failures that retrying cannot fix: the stored media itself is the problem.</summary>
    private static bool IsPermanent(Exception exception) =>
        exception is MediaDecodeException or SegmentLimitException or DecoderFallbackException or FileNotFoundException;

    [LoggerMessage(LogLevel.Information, "Item {ItemId} ({Kind}) indexed as {Points} points")]
    private partial void LogIndexed(Guid itemId, ItemKind kind, int points);

    [LoggerMessage(LogLevel.Information, "Item {ItemId} was deleted; nothing to index")]
    private partial void LogDeleted(Guid itemId);

    [LoggerMessage(LogLevel.Warning, "Item {ItemId} failed: {Reason}")]
    private partial void LogFailed(Guid itemId, string reason);
}

using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Baize.Indexer.Consumers;

/// <summary>An index message ran out of retries and sits in the error queue: its item is marked failed with the reason,
/// so the failure is visible on the item and its jobs instead of being lost.</summary>
public sealed partial class IndexItemFaultConsumer(ItemCatalog catalog, ItemRemover remover, ILogger<IndexItemFaultConsumer> logger)
    : IConsumer<Fault<IndexItemRequested>>
{
    public async Task Consume(ConsumeContext<Fault<IndexItemRequested>> context)
    {
        var message = context.Message.Message;
        var itemId = message.ItemId;
        var reason = context.Message.Exceptions.FirstOrDefault()?.Message ?? "unknown error";
        // Only the generation that failed: a newer upload of the same content may have been indexed since.
        var failed = await catalog.SetStatusAsync(
            itemId, ItemStatus.Failed, error: $"Indexing failed after retries: {reason}", generation: message.Generation, cancellationToken: context.CancellationToken);
        if (failed && await catalog.GetItemAsync(itemId, context.CancellationToken) is { } item)
        {
            await remover.RemovePointsAsync(item, context.CancellationToken);
        }

        LogFaulted(itemId, reason);
    }

    [LoggerMessage(LogLevel.Error, "Indexing item {ItemId} failed after retries and went to the error queue: {Reason}")]
    private partial void LogFaulted(Guid itemId, string reason);
}

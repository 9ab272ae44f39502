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
        var itemId = context.Message.Message.ItemId;
        var reason = context.Message.Exceptions.FirstOrDefault()?.Message ?? "unknown error";
        if (await catalog.GetItemAsync(itemId, context.CancellationToken) is { } item)
        {
            await remover.RemovePointsAsync(item, context.CancellationToken);
        }

        await catalog.SetStatusAsync(itemId, ItemStatus.Failed, error: $"Indexing failed after retries: {reason}", cancellationToken: context.CancellationToken);
        LogFaulted(itemId, reason);
    }

    [LoggerMessage(LogLevel.Error, "Indexing item {ItemId} failed after retries and went to the error queue: {Reason}")]
    private partial void LogFaulted(Guid itemId, string reason);
}

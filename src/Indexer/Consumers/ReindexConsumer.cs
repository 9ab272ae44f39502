using Baize.Embedding.Manifests;
using Baize.Embedding.Runtime;
using Baize.Indexer.Collections;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Baize.Indexer.Consumers;

/// <summary>
/// Re-embeds every item of one modality with the active encoder into that encoder's collection (the shadow) while
/// searches keep using the alias, then switches the alias atomically and drops the old collection. Items already
/// embedded by the active encoder are skipped, so a reindex interrupted by a restart resumes where it stopped.
/// </summary>
public sealed partial class ReindexConsumer(
    EncoderRegistry encoders,
    ItemCatalog catalog,
    ItemIndexer indexer,
    ModalityCollections collections,
    ILogger<ReindexConsumer> logger) : IConsumer<ReindexRequested>
{
    private const int Parallelism = 4;

    public async Task Consume(ConsumeContext<ReindexRequested> context)
    {
        var cancellationToken = context.CancellationToken;
        if (!ManifestJson.TryParseModality(context.Message.Modality, out var modality))
        {
            LogUnknownModality(context.Message.Modality);
            return;
        }

        var modalityName = ManifestJson.ModalityName(modality);
        string version;
        using (var lease = encoders.Lease(modality))
        {
            version = lease.Version;
            await collections.WritableAsync(modality, version, lease.Encoder.Dimension, cancellationToken);
        }

        LogStarted(modalityName, version, context.Message.Reason);
        var reembedded = 0;
        var transientFailures = 0;
        await Parallel.ForEachAsync(
            catalog.ListAsync([ItemStatus.Indexed], cancellationToken).Where(item => NeedsReindex(item, modalityName, version)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                try
                {
                    var index = await indexer.IndexAsync(item, modality, token);
                    await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: index, generation: item.Generation, cancellationToken: token);
                    Interlocked.Increment(ref reembedded);
                }
                catch (Exception exception) when (IndexingFailure.IsPermanent(exception))
                {
                    await collections.DeleteItemAsync(modality, item.Id, token);
                    await catalog.SetStatusAsync(
                        item.Id, ItemStatus.Failed, error: $"Re-indexing {modalityName} failed: {exception.Message}", generation: item.Generation, cancellationToken: token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Interlocked.Increment(ref transientFailures);
                    LogItemFailed(item.Id, exception.Message);
                }
            });

        if (transientFailures > 0)
        {
            // Switching now would drop those items' points with the old collection; the next start retries the reindex.
            throw new InvalidOperationException($"Re-indexing {modalityName} left {transientFailures} items not re-embedded; the alias stays on the old collection.");
        }

        await collections.SwitchAsync(modality, version, cancellationToken);
        LogSwitched(modalityName, version, reembedded);
    }

    /// <summary>Items indexed under the modality by another encoder version (a silent video has no audio entry).</summary>
    private static bool NeedsReindex(ItemRecord item, string modalityName, string version) =>
        item.Index.TryGetValue(modalityName, out var state) && state.Encoder != version;

    [LoggerMessage(LogLevel.Warning, "Re-embedding item {ItemId} failed and will be retried with the reindex: {Reason}")]
    private partial void LogItemFailed(Guid itemId, string reason);

    [LoggerMessage(LogLevel.Warning, "Reindex asked for unknown modality {Modality}; ignored")]
    private partial void LogUnknownModality(string modality);

    [LoggerMessage(LogLevel.Information, "Re-indexing {Modality} with encoder {Version}: {Reason}")]
    private partial void LogStarted(string modality, string version, string reason);

    [LoggerMessage(LogLevel.Information, "Search now uses the {Modality} collection of encoder {Version} ({Count} items re-embedded)")]
    private partial void LogSwitched(string modality, string version, int count);
}

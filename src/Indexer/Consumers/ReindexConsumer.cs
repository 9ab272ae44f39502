using Baize.Embedding;
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
        await Parallel.ForEachAsync(
            catalog.ListAsync([ItemStatus.Indexed], cancellationToken).Where(item => NeedsReindex(item, modality, modalityName, version)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                try
                {
                    var index = await indexer.IndexAsync(item, modality, token);
                    await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: index, cancellationToken: token);
                    Interlocked.Increment(ref reembedded);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    await catalog.SetStatusAsync(item.Id, ItemStatus.Failed, error: $"Re-indexing {modalityName} failed: {exception.Message}", cancellationToken: token);
                }
            });

        await collections.SwitchAsync(modality, version, cancellationToken);
        LogSwitched(modalityName, version, reembedded);
    }

    private static bool NeedsReindex(ItemRecord item, Modality modality, string modalityName, string version) =>
        ItemIndexer.ModalitiesOf(item.Kind).Contains(modality)
        && (!item.Index.TryGetValue(modalityName, out var state) || state.Encoder != version);

    [LoggerMessage(LogLevel.Warning, "Reindex asked for unknown modality {Modality}; ignored")]
    private partial void LogUnknownModality(string modality);

    [LoggerMessage(LogLevel.Information, "Re-indexing {Modality} with encoder {Version}: {Reason}")]
    private partial void LogStarted(string modality, string version, string reason);

    [LoggerMessage(LogLevel.Information, "Search now uses the {Modality} collection of encoder {Version} ({Count} items re-embedded)")]
    private partial void LogSwitched(string modality, string version, int count);
}

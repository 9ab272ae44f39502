using Baize.Indexer.Hosting;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using Baize.Indexer.Originals;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Baize.Indexer.Ingestion;

/// <summary>
/// Accepts uploads: stages and hashes the bytes, checks them, stores the original under its content address,
/// records the item and a job in the catalogue, and queues the item for indexing. The same bytes always make the
/// same item; uploading them again re-queues it with the new metadata.
/// </summary>
public sealed class IngestionService(
    OriginalStore originals,
    ItemCatalog catalog,
    MediaInspector inspector,
    IBus sendEndpoints,
    IndexingMetrics metrics,
    IOptions<IngestionOptions> options)
{
    /// <summary>Receives and checks one upload without storing it, so that a request with several files can be
    /// refused as a whole before any of them is accepted.</summary>
    /// <exception cref="IngestionException">The upload is refused; nothing was stored.</exception>
    public async Task<PreparedUpload> PrepareAsync(Stream content, string? fileName, string? contentType, CancellationToken cancellationToken)
    {
        var staged = await StageAsync(content, cancellationToken);
        try
        {
            var media = await inspector.InspectAsync(staged.Path, contentType, cancellationToken);
            return new PreparedUpload(staged, media, SafeFileName(fileName));
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>Receives bytes to a staging file within the upload size limit (query files use it too).</summary>
    /// <exception cref="IngestionException">Over the size limit; nothing is kept.</exception>
    public async Task<StagedOriginal> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return await originals.StageAsync(content, options.Value.MaxFileBytes, cancellationToken);
        }
        catch (OriginalTooLargeException exception)
        {
            throw new IngestionException(IngestionProblem.TooLarge, exception.Message);
        }
    }

    /// <summary>Stores a checked upload, records it and queues it for indexing.</summary>
    public async Task<AcceptedItem> AcceptAsync(PreparedUpload upload, IReadOnlyDictionary<string, object> metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(metadata);
        var staged = upload.Staged;
        staged.Commit();
        var media = upload.Media;
        var accepted = await catalog.AcceptAsync(
            new NewItem(staged.Sha256, media.Kind, media.Format, media.ContentType, upload.FileName, staged.Size, metadata),
            cancellationToken);
        var queue = await sendEndpoints.GetSendEndpoint(IndexerQueues.Address(IndexerQueues.IndexItem));
        await queue.Send(new IndexItemRequested(accepted.Item.Id, accepted.Job.Id, accepted.Item.Generation), cancellationToken);
        metrics.RecordAccepted(media.Kind);
        return new AcceptedItem(accepted.Item, accepted.Job);
    }

    /// <summary>Only the last path segment of a client's file name is kept, and only as a label.</summary>
    private static string? SafeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        return name.Length > 255 ? name[..255] : name;
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Indexer.Batching;
using Baize.Indexer.Collections;
using Baize.Indexer.Items;

namespace Baize.Indexer.Hosting;

/// <summary>
/// The "Baize" meter: embedding latency per batch, items accepted, queue depth and index size. The two gauges are read
/// at every scrape, so they report values refreshed in the background at most every <see cref="RefreshInterval"/>
/// instead of querying the catalogue and the store on the scrape's thread.
/// </summary>
public sealed class IndexingMetrics : IDisposable
{
    public const string MeterName = "Baize";

    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly Meter _meter;
    private readonly Histogram<double> _embedding;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _accepted;
    private readonly ItemCatalog _catalog;
    private readonly ModalityCollections _collections;
    private readonly Timer _refresh;
    private long _queueDepth;
    private Dictionary<string, long> _points = [];
    private int _refreshing;

    public IndexingMetrics(IMeterFactory meterFactory, ItemCatalog catalog, ModalityCollections collections)
    {
        _catalog = catalog;
        _collections = collections;
        _meter = meterFactory.Create(MeterName);
        _embedding = _meter.CreateHistogram<double>("baize.embedding.duration", "s", "Time to embed one batch on ONNX Runtime.");
        _batchSize = _meter.CreateHistogram<int>("baize.embedding.batch_size", "{item}", "Items per embedding batch.");
        _accepted = _meter.CreateCounter<long>("baize.items.accepted", "{item}", "Uploads accepted for indexing.");
        _meter.CreateObservableGauge("baize.indexer.queue_depth", () => Volatile.Read(ref _queueDepth), "{item}", "Items queued or being indexed.");
        _meter.CreateObservableGauge("baize.index.points", ObservePoints, "{point}", "Points in each modality's serving collection.");
        _refresh = new Timer(_ => _ = RefreshAsync(), null, TimeSpan.Zero, RefreshInterval);
    }

    public void RecordEmbedding(EmbeddingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var tags = new TagList { { "modality", ManifestJson.ModalityName(batch.Modality) }, { "encoder", batch.EncoderVersion } };
        _embedding.Record(batch.Elapsed.TotalSeconds, tags);
        _batchSize.Record(batch.Size, tags);
    }

    public void RecordAccepted(ItemKind kind) =>
        _accepted.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()));

    public void Dispose()
    {
        _refresh.Dispose();
        _meter.Dispose();
    }

    private IEnumerable<Measurement<long>> ObservePoints() =>
        Volatile.Read(ref _points).Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("modality", pair.Key)));

    private async Task RefreshAsync()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        try
        {
            var depth = await _catalog.CountAsync(ItemStatus.Queued) + await _catalog.CountAsync(ItemStatus.Processing);
            Volatile.Write(ref _queueDepth, depth);
            var points = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var modality in Enum.GetValues<Modality>())
            {
                if (await _collections.ServingCollectionAsync(modality, CancellationToken.None) is not null)
                {
                    points[ManifestJson.ModalityName(modality)] = await _collections.Serving(modality).CountAsync();
                }
            }

            Volatile.Write(ref _points, points);
        }
#pragma warning disable CA1031 // A metric that cannot be refreshed keeps its last value; the next tick tries again.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}

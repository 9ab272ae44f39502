using System.Diagnostics.Metrics;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Indexer.Hosting;

namespace Baize.Ingestion.Measurement;

/// <summary>
/// Counts the embedding batcher's batches and their items per modality, from the app's own
/// <c>baize.embedding.batch_size</c> histogram (IndexingMetrics records one value per batch run).
/// </summary>
public sealed class BatchSizeListener : IDisposable
{
    private const string BatchSizeInstrument = "baize.embedding.batch_size";

    private readonly MeterListener _listener = new();
    private readonly long[] _batches = new long[Enum.GetValues<Modality>().Length];
    private readonly long[] _items = new long[Enum.GetValues<Modality>().Length];

    public BatchSizeListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == IndexingMetrics.MeterName && instrument.Name == BatchSizeInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>(OnBatch);
        _listener.Start();
    }

    /// <summary>Batches and items seen so far for the modality.</summary>
    public (long Batches, long Items) Snapshot(Modality modality) =>
        (Interlocked.Read(ref _batches[(int)modality]), Interlocked.Read(ref _items[(int)modality]));

    public void Dispose() => _listener.Dispose();

    private void OnBatch(Instrument instrument, int size, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key != "modality" || tag.Value is not string name)
            {
                continue;
            }

            foreach (var modality in Enum.GetValues<Modality>())
            {
                if (ManifestJson.ModalityName(modality) == name)
                {
                    Interlocked.Increment(ref _batches[(int)modality]);
                    Interlocked.Add(ref _items[(int)modality], size);
                }
            }
        }
    }
}

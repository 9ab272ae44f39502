using System.Diagnostics.Metrics;
using Baize.Indexer.Hosting;

namespace Baize.SearchApi.Telemetry;

/// <summary>
/// The search API's instrument on the "Baize" meter: time to answer a search, embedding included. Embedding latency,
/// uploads accepted, queue depth and index size live in <see cref="IndexingMetrics"/>, which every role has.
/// </summary>
public sealed class BaizeMetrics
{
    public const string MeterName = IndexingMetrics.MeterName;

    private readonly Histogram<double> _searchDuration;

    public BaizeMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _searchDuration = meter.CreateHistogram<double>("baize.search.duration", "s", "Time to answer one search, embedding included.");
    }

    public void RecordSearch(string queryModality, TimeSpan elapsed) =>
        _searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("modality", queryModality));
}

using Baize.Api.Results;
using Baize.BenchSupport;
using Baize.Embedding;
using Baize.Embedding.Runtime;
using Baize.Indexer.Collections;
using Baize.SearchApi.Search;
using Baize.Vectors;

namespace Baize.Api.Load;

/// <summary>
/// Times the parts of a text query one at a time inside the process, with the app's own services and nothing else
/// running: embedding (as served, and ONNX alone), search (as served, and the store alone), plus the store write that
/// indexing one more item costs at this collection size.
/// </summary>
public static class Breakdown
{
    private const int WarmupCalls = 20;
    private const int MaxIndexWrites = 100;

    public static async Task<BreakdownResult> MeasureAsync(
        IServiceProvider services, IReadOnlyList<string> queries, int samples, int topK, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(queries);
        var embedder = services.GetRequiredService<QueryEmbedder>();
        var search = services.GetRequiredService<SearchService>();
        var collections = services.GetRequiredService<ModalityCollections>();
        using var textLease = services.GetRequiredService<EncoderRegistry>().Lease(Modality.Text);
        var query = new SearchQuery([Modality.Image], topK, 0, null, true, null);
        var alias = collections.Serving(Modality.Image);

        log.WriteLine($"Breakdown: {samples} sequential calls of each part");
        for (var i = 0; i < WarmupCalls; i++)
        {
            var warm = await embedder.EmbedTextAsync(queries[i % queries.Count], cancellationToken);
            await search.SearchAsync(warm.Vector, query, cancellationToken);
        }

        var vectors = new float[samples][];
        Heap.Settle();
        var embed = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Clock.Now();
            vectors[i] = (await embedder.EmbedTextAsync(queries[i % queries.Count], cancellationToken)).Vector;
            embed[i] = Clock.MillisecondsSince(start);
        }

        Heap.Settle();
        var onnx = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Clock.Now();
            textLease.Encoder.EmbedTexts([queries[i % queries.Count]]);
            onnx[i] = Clock.MillisecondsSince(start);
        }

        Heap.Settle();
        var served = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Clock.Now();
            await search.SearchAsync(vectors[i], query, cancellationToken);
            served[i] = Clock.MillisecondsSince(start);
        }

        // SearchService asks the store for top_k · 4 candidates when grouping (its headroom for multi-segment items).
        Heap.Settle();
        var scan = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var start = Clock.Now();
            await alias.SearchAsync(vectors[i], topK * 4, null, cancellationToken);
            scan[i] = Clock.MillisecondsSince(start);
        }

        var upserts = await IndexWritesAsync(alias, Math.Min(samples, MaxIndexWrites), cancellationToken);
        return new BreakdownResult(
            LatencyResult.From(embed),
            LatencyResult.From(onnx),
            LatencyResult.From(served),
            LatencyResult.From(scan),
            LatencyResult.From(upserts));
    }

    /// <summary>ItemIndexer's write of one single-segment item: upsert its point. Existing points are rewritten
    /// unchanged, so the collection stays as it was.</summary>
    private static async Task<double[]> IndexWritesAsync(VectorCollection alias, int count, CancellationToken cancellationToken)
    {
        var page = await alias.ScrollAsync(null, Math.Max(count, 1), includeVectors: true, cancellationToken: cancellationToken);
        var upserts = new List<double>(page.Records.Count);
        Heap.Settle();
        foreach (var record in page.Records)
        {
            var start = Clock.Now();
            await alias.UpsertAsync([record], cancellationToken);
            upserts.Add(Clock.MillisecondsSince(start));
        }

        return [.. upserts];
    }
}

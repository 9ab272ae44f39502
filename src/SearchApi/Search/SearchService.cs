using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.Vectors;

namespace Baize.SearchApi.Search;

/// <summary>
/// Runs a query vector against the serving collection of every requested modality and merges the hits by score.
/// Grouped, each item appears once with its best segment; since one item can hold many segments, candidates are
/// fetched with headroom and fetched again with more when grouping leaves too few items.
/// </summary>
public sealed class SearchService(ModalityCollections collections)
{
    private const int GroupingHeadroom = 4;
    private const int MaxCandidates = 20_000;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(ReadOnlyMemory<float> vector, SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var wanted = query.Offset + query.TopK;
        var limit = query.Group ? wanted * GroupingHeadroom : wanted;
        while (true)
        {
            var (candidates, exhausted) = await CandidatesAsync(vector, query, limit, cancellationToken);
            var ranked = candidates.OrderByDescending(result => result.Score).ThenBy(result => result.Record.Id);
            var hits = query.Group
                ? ranked.DistinctBy(result => result.Record.Payload[PointFields.ItemId]).ToList()
                : ranked.ToList();
            if (hits.Count >= wanted || exhausted || limit >= MaxCandidates)
            {
                return hits.Skip(query.Offset).Take(query.TopK).Select(ToHit).ToList();
            }

            limit = Math.Min(limit * 4, MaxCandidates);
        }
    }

    private async Task<(List<VectorSearchResult> Candidates, bool Exhausted)> CandidatesAsync(
        ReadOnlyMemory<float> vector, SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        var candidates = new List<VectorSearchResult>();
        var exhausted = true;
        var options = new VectorSearchOptions { Filter = query.Filter, ScoreThreshold = query.ScoreThreshold };
        foreach (var modality in query.Modalities)
        {
            if (await collections.ServingCollectionAsync(modality, cancellationToken) is null)
            {
                continue;
            }

            var results = await collections.Serving(modality).SearchAsync(vector, limit, options, cancellationToken);
            candidates.AddRange(results);
            exhausted &= results.Count < limit;
        }

        return (candidates, exhausted);
    }

    private static SearchHit ToHit(VectorSearchResult result)
    {
        var payload = result.Record.Payload;
        var metadata = payload.Where(field => !ItemMetadata.ReservedFields.Contains(field.Key)).ToDictionary(StringComparer.Ordinal);
        var segment = payload.TryGetValue(PointFields.Start, out var start) && payload.TryGetValue(PointFields.End, out var end)
            ? new HitSegment(Convert.ToDouble(start, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(end, System.Globalization.CultureInfo.InvariantCulture))
            : null;
        return new SearchHit(
            (string)payload[PointFields.ItemId],
            (string)payload[PointFields.Modality],
            (string)payload[PointFields.Kind],
            result.Score,
            metadata,
            segment,
            (string)payload[PointFields.Encoder]);
    }
}

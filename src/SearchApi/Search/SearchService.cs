using Baize.Indexer.Collections;
using Baize.Indexer.Items;
using Baize.Vectors;

namespace Baize.SearchApi.Search;

/// <summary>
/// Runs a query vector against the serving collection of every requested modality and merges the hits by score.
/// Grouped, each item appears once with its best segment. One item can hold many segments, so a modality's candidates
/// are complete only when they hold enough distinct items or the modality ran out; otherwise they are fetched again
/// with a larger limit (the best item a modality is hiding behind one long video's segments would be missed).
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
            var (candidates, complete) = await CandidatesAsync(vector, query, limit, wanted, cancellationToken);
            var ranked = candidates.OrderByDescending(result => result.Score).ThenBy(result => result.Record.Id);
            var hits = query.Group
                ? ranked.DistinctBy(result => result.Record.Payload[PointFields.ItemId]).ToList()
                : ranked.ToList();
            if (complete || limit >= MaxCandidates)
            {
                return hits.Skip(query.Offset).Take(query.TopK).Select(ToHit).ToList();
            }

            limit = Math.Min(limit * 4, MaxCandidates);
        }
    }

    /// <returns>The candidates, and whether they surely hold the <paramref name="wanted"/> best hits.</returns>
    private async Task<(List<VectorSearchResult> Candidates, bool Complete)> CandidatesAsync(
        ReadOnlyMemory<float> vector, SearchQuery query, int limit, int wanted, CancellationToken cancellationToken)
    {
        var candidates = new List<VectorSearchResult>();
        var complete = true;
        var options = new VectorSearchOptions { Filter = query.Filter, ScoreThreshold = query.ScoreThreshold };
        foreach (var modality in query.Modalities)
        {
            if (await collections.ServingCollectionAsync(modality, cancellationToken) is null)
            {
                continue;
            }

            var results = await collections.Serving(modality).SearchAsync(vector, limit, options, cancellationToken);
            candidates.AddRange(results);
            var ranOut = results.Count < limit;
            var enough = query.Group
                ? results.Select(result => result.Record.Payload[PointFields.ItemId]).Distinct().Count() >= wanted
                : results.Count >= wanted;
            complete &= ranOut || enough;
        }

        return (candidates, complete);
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

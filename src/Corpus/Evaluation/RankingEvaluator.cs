using System.Numerics.Tensors;

namespace Baize.Corpus.Evaluation;

/// <summary>
/// Scores exact cosine rankings (dot products of unit vectors) of every query against a whole gallery.
/// Recall@K counts a query as a hit when any relevant item is in the top K, as cross-modal retrieval papers do
/// when a query has several relevant items; mAP@10 divides by min(relevant items, 10).
/// </summary>
public static class RankingEvaluator
{
    private const int MapDepth = 10;

    /// <param name="queries">Unit-length query embeddings.</param>
    /// <param name="gallery">Unit-length gallery embeddings.</param>
    /// <param name="isRelevant">(query index, gallery index) → relevant.</param>
    /// <param name="isSameItem">(query index, gallery index) → the gallery entry is the query itself, left out of its ranking.</param>
    public static RetrievalMetrics Evaluate(
        IReadOnlyList<float[]> queries,
        IReadOnlyList<float[]> gallery,
        Func<int, int, bool> isRelevant,
        Func<int, int, bool>? isSameItem = null)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(gallery);
        ArgumentNullException.ThrowIfNull(isRelevant);

        var firstRanks = new List<int>(queries.Count);
        double hitsAt1 = 0, hitsAt5 = 0, hitsAt10 = 0, averagePrecisionSum = 0;
        var negatedScores = new float[gallery.Count];
        var candidates = new int[gallery.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            var count = 0;
            var relevantTotal = 0;
            for (var g = 0; g < gallery.Count; g++)
            {
                if (isSameItem?.Invoke(q, g) == true)
                {
                    continue;
                }

                negatedScores[count] = -TensorPrimitives.Dot(queries[q], gallery[g]);
                candidates[count] = g;
                count++;
                relevantTotal += isRelevant(q, g) ? 1 : 0;
            }

            if (relevantTotal == 0)
            {
                continue;
            }

            Array.Sort(negatedScores, candidates, 0, count);
            var firstRank = 0;
            var relevantSeen = 0;
            var precisionSum = 0.0;
            for (var rank = 1; rank <= count && (firstRank == 0 || rank <= MapDepth); rank++)
            {
                if (!isRelevant(q, candidates[rank - 1]))
                {
                    continue;
                }

                relevantSeen++;
                firstRank = firstRank == 0 ? rank : firstRank;
                if (rank <= MapDepth)
                {
                    precisionSum += (double)relevantSeen / rank;
                }
            }

            firstRanks.Add(firstRank);
            hitsAt1 += firstRank <= 1 ? 1 : 0;
            hitsAt5 += firstRank <= 5 ? 1 : 0;
            hitsAt10 += firstRank <= 10 ? 1 : 0;
            averagePrecisionSum += precisionSum / Math.Min(relevantTotal, MapDepth);
        }

        var scored = firstRanks.Count;
        return scored == 0
            ? new RetrievalMetrics(0, 0, 0, 0, 0, 0)
            : new RetrievalMetrics(scored, hitsAt1 / scored, hitsAt5 / scored, hitsAt10 / scored, averagePrecisionSum / scored, Median(firstRanks));
    }

    private static double Median(List<int> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}

namespace Baize.Vectors.Embedded;

/// <summary>
/// Exact and int8 scans over a <see cref="PointTable"/>. The filter runs before scoring, so rows that do not match
/// cost no arithmetic; the best (top + skip) are kept in a bounded heap, never a full sort. Int8 collections scan the
/// codes for (top + skip) · oversampling candidates, then re-score only those exactly in float32, so the returned
/// scores are the exact ones and only the candidate set is approximate.
/// </summary>
internal static class CollectionSearch
{
    /// <param name="query">The query, already normalised for cosine, padded with zeros to the table's stride.</param>
    /// <param name="oversampling">0 for an exact scan; otherwise the int8 candidate factor.</param>
    public static IReadOnlyList<VectorSearchResult> Search(
        PointTable table, float[] query, int top, VectorSearchOptions options, FilterEvaluator? filter, int oversampling)
    {
        var wanted = (int)Math.Min((long)top + options.Skip, table.Count);
        if (wanted == 0)
        {
            return [];
        }

        var threshold = options.ScoreThreshold ?? float.NegativeInfinity;
        var best = new TopKHeap(wanted);
        if (oversampling > 0 && table.IsQuantized)
        {
            var candidates = new TopKHeap((int)Math.Min((long)wanted * oversampling, table.Count));
            ScanCodes(table, query, filter, candidates);
            foreach (var (_, row) in candidates.ToArray())
            {
                Offer(best, FloatKernels.Dot(query, table.VectorAt(row)), row, threshold);
            }
        }
        else
        {
            ScanExact(table, query, filter, best, threshold);
        }

        var ranked = best.ToArray();
        Array.Sort(ranked, (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : table.IdAt(x.Row).CompareTo(table.IdAt(y.Row)));
        return [.. ranked.Skip(options.Skip).Select(hit => new VectorSearchResult(
            new VectorRecord(
                table.IdAt(hit.Row),
                options.IncludeVectors ? table.CopyVector(hit.Row) : ReadOnlyMemory<float>.Empty,
                table.PayloadAt(hit.Row)),
            hit.Score))];
    }

    /// <summary>The rows a filter lets through, in row order; every row when there is no filter.</summary>
    public static IEnumerable<int> MatchingRows(PointTable table, FilterEvaluator? filter)
    {
        if (filter?.CandidateIds is { } ids)
        {
            var rows = new List<int>(ids.Count);
            foreach (var id in ids)
            {
                if (table.TryGetRow(id, out var row) && filter.Matches(id, table.PayloadAt(row)))
                {
                    rows.Add(row);
                }
            }

            rows.Sort();
            return rows;
        }

        return Enumerable.Range(0, table.Count).Where(row => filter is null || filter.Matches(table.IdAt(row), table.PayloadAt(row)));
    }

    private static void ScanExact(PointTable table, float[] query, FilterEvaluator? filter, TopKHeap best, float threshold)
    {
        var stride = table.Stride;
        if (filter is null)
        {
            // The hot loop: one dot product and one comparison per row over the contiguous slab.
            var vectors = table.Vectors;
            for (int row = 0, offset = 0; row < table.Count; row++, offset += stride)
            {
                var score = FloatKernels.Dot(query, vectors.Slice(offset, stride));
                if (score > threshold && score > best.Threshold)
                {
                    best.Add(score, row);
                }
            }

            return;
        }

        if (filter.CandidateIds is not null)
        {
            foreach (var row in MatchingRows(table, filter))
            {
                Offer(best, FloatKernels.Dot(query, table.VectorAt(row)), row, threshold);
            }

            return;
        }

        for (var row = 0; row < table.Count; row++)
        {
            if (filter.Matches(table.IdAt(row), table.PayloadAt(row)))
            {
                Offer(best, FloatKernels.Dot(query, table.VectorAt(row)), row, threshold);
            }
        }
    }

    private static void ScanCodes(PointTable table, float[] query, FilterEvaluator? filter, TopKHeap candidates)
    {
        // The query's own scale is the same for every row, so candidates rank by row scale · integer dot alone.
        var stride = table.CodeStride;
        var codes = new sbyte[stride];
        Int8Kernels.Quantize(query.AsSpan(0, table.Dimension), codes);
        var wide = Array.ConvertAll(codes, code => (short)code);
        var scales = table.Scales;
        var slab = table.Codes;
        if (filter is null)
        {
            for (int row = 0, offset = 0; row < table.Count; row++, offset += stride)
            {
                var score = Int8Kernels.Dot(wide, slab.Slice(offset, stride)) * scales[row];
                if (score > candidates.Threshold)
                {
                    candidates.Add(score, row);
                }
            }

            return;
        }

        if (filter.CandidateIds is not null)
        {
            foreach (var row in MatchingRows(table, filter))
            {
                candidates.Add(Int8Kernels.Dot(wide, slab.Slice(row * stride, stride)) * scales[row], row);
            }

            return;
        }

        for (var row = 0; row < table.Count; row++)
        {
            if (filter.Matches(table.IdAt(row), table.PayloadAt(row)))
            {
                candidates.Add(Int8Kernels.Dot(wide, slab.Slice(row * stride, stride)) * scales[row], row);
            }
        }
    }

    private static void Offer(TopKHeap heap, float score, int row, float threshold)
    {
        if (score > threshold)
        {
            heap.Add(score, row);
        }
    }
}

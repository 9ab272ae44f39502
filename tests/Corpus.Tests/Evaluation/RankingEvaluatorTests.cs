using Baize.Corpus.Evaluation;

namespace Baize.Corpus.Tests.Evaluation;

public sealed class RankingEvaluatorTests
{
    private static readonly float[][] Gallery =
    [
        [1f, 0f, 0f],
        [0.8f, 0.6f, 0f],
        [0f, 1f, 0f],
        [0f, 0f, 1f],
    ];

    [Fact]
    public void Perfect_ranking_scores_one_everywhere()
    {
        var metrics = RankingEvaluator.Evaluate(Gallery, Gallery, (q, g) => q == g);

        Assert.Equal(4, metrics.Queries);
        Assert.Equal(1.0, metrics.RecallAt1);
        Assert.Equal(1.0, metrics.MapAt10);
        Assert.Equal(1.0, metrics.MedianRank);
    }

    [Fact]
    public void First_relevant_rank_drives_recall_and_median_rank()
    {
        // Query [1,0,0] ranks gallery 0, 1, 2|3; only gallery 2 is relevant, at rank 3.
        float[][] queries = [[1f, 0f, 0f]];

        var metrics = RankingEvaluator.Evaluate(queries, Gallery, (_, g) => g == 2);

        Assert.Equal(0.0, metrics.RecallAt1);
        Assert.Equal(1.0, metrics.RecallAt5);
        Assert.Equal(3.0, metrics.MedianRank);
        Assert.Equal(1.0 / 3.0, metrics.MapAt10, 10);
    }

    [Fact]
    public void Average_precision_uses_every_relevant_item_in_the_top_ten()
    {
        // Ranking for [1,0,0]: 0 (relevant), 1, 2 (relevant). AP = (1/1 + 2/3) / 2.
        float[][] queries = [[1f, 0f, 0f]];

        var metrics = RankingEvaluator.Evaluate(queries, Gallery, (_, g) => g is 0 or 2);

        Assert.Equal((1.0 + 2.0 / 3.0) / 2.0, metrics.MapAt10, 10);
    }

    [Fact]
    public void Query_itself_is_left_out_and_queries_without_relevant_items_are_not_scored()
    {
        var metrics = RankingEvaluator.Evaluate(Gallery, Gallery, (q, g) => q == 0 && g == 1, (q, g) => q == g);

        Assert.Equal(1, metrics.Queries);
        Assert.Equal(1.0, metrics.RecallAt1);
    }
}

namespace Baize.Corpus.Evaluation;

/// <summary>The metrics of every modality pair on one split, and which encoder (id@version) embedded each modality.</summary>
public sealed record EvaluationReport(string Split, IReadOnlyDictionary<string, string> Encoders, IReadOnlyList<PairMetrics> Pairs)
{
    /// <summary>Mean Recall@1 over the pairs whose query and gallery are different modalities.</summary>
    public double MeanCrossModalRecallAt1 =>
        Pairs.Where(p => p.Query != p.Gallery).Select(p => p.Metrics.RecallAt1).DefaultIfEmpty(0).Average();
}

namespace Baize.Compression.Training;

/// <summary>One epoch: mean training loss and validation Recall@1 per cross-modal pair with text (query→gallery name).</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, double Seconds, IReadOnlyDictionary<string, double> ValidationRecallAt1)
{
    public double MeanValidationRecallAt1 => ValidationRecallAt1.Count == 0 ? 0 : ValidationRecallAt1.Values.Average();
}

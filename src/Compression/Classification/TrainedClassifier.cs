namespace Baize.Compression.Classification;

/// <summary>The teacher of the Fashion-MNIST table with what trained it and how well it does.</summary>
/// <param name="Fingerprint">Config, data and training options: runs compressing another teacher are not mistaken for this one's.</param>
/// <param name="TrainingSeconds">0 when it was loaded from an earlier training.</param>
public sealed record TrainedClassifier(Classifier Model, string Fingerprint, double TestAccuracy, double TrainingSeconds) : IDisposable
{
    public void Dispose() => Model.Dispose();
}

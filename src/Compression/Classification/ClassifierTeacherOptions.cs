using System.Globalization;

namespace Baize.Compression.Classification;

/// <summary>How the Fashion-MNIST teacher is trained: epochs over the training images at one batch size, AdamW with warm-up and cosine decay.</summary>
public sealed record ClassifierTeacherOptions(int Epochs = 4, int Batch = 128, double LearningRate = 2e-3, double WeightDecay = 5e-4, int Seed = 7)
{
    public string Fingerprint => string.Create(CultureInfo.InvariantCulture, $"{Epochs}|{Batch}|{LearningRate}|{WeightDecay}|{Seed}");
}

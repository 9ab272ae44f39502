namespace Baize.Compression.Training;

/// <summary>How <see cref="TeacherTrainer"/> trains the four encoders jointly, and where it reads and writes.</summary>
/// <param name="CorpusFolder">A generated FashionScenes corpus.</param>
/// <param name="WorkFolder">Checkpoints, the feature cache and the vocabulary of this run; a rerun resumes from here.</param>
/// <param name="ModelsFolder">Where the finished model folders go: &lt;modality&gt;/&lt;version&gt;/.</param>
/// <param name="Version">Version of the exported models, also their folder name.</param>
/// <param name="FeatureCacheFolder">Preprocessed inputs, shareable between runs on the same corpus; under the work folder when null.</param>
/// <param name="WidthFactor">1 for the teachers; 0.5 for the uniformly thinned (about 4x smaller) from-scratch family.</param>
public sealed record TeacherTrainingOptions(
    string CorpusFolder,
    string WorkFolder,
    string ModelsFolder,
    string Version,
    int Epochs = 14,
    int SceneBatch = 64,
    int ClipBatch = 32,
    double LearningRate = 2e-3,
    double WeightDecay = 0.01,
    double WidthFactor = 1.0,
    int Seed = 17,
    string? FeatureCacheFolder = null)
{
    public string FeatureCache => FeatureCacheFolder ?? Path.Combine(WorkFolder, "features");

    /// <summary>What must match for a checkpoint to be resumed (output locations may differ).</summary>
    public string Fingerprint => $"{CorpusFolder}|{Version}|{Epochs}|{SceneBatch}|{ClipBatch}|{LearningRate}|{WeightDecay}|{WidthFactor}|{Seed}";
}

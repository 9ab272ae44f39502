using Baize.Embedding.Preprocessing.Text;

namespace Baize.Compression.Training;

/// <summary>What a model folder must record about the training run that made its weights.</summary>
public sealed record TrainingLineage(
    TeacherTrainingOptions Options,
    TrainingInputStatistics Statistics,
    TextPreprocessing Text,
    string VocabularyPath,
    EpochSummary FinalEpoch);

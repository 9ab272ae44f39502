using Baize.Embedding;

namespace Baize.Compression.Training;

/// <summary>What a training run produced: its epoch history and the model folder written per modality.</summary>
public sealed record TeacherTrainingResult(IReadOnlyList<EpochSummary> History, IReadOnlyDictionary<Modality, string> ModelFolders);

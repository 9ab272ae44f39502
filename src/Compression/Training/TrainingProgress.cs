namespace Baize.Compression.Training;

/// <summary>A progress report from training: the stage, how far it is, and an optional short status (loss, metrics).</summary>
public sealed record TrainingProgress(string Stage, double Done, double Total, string? Detail = null);

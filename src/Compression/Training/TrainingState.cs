namespace Baize.Compression.Training;

/// <summary>Where a training run stands: epochs finished, optimiser steps taken and what each epoch measured.</summary>
public sealed record TrainingState(string Fingerprint, int EpochsDone, int Steps, IReadOnlyList<EpochSummary> History);

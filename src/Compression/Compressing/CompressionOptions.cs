using System.Globalization;
using Baize.Embedding;
using Baize.Embedding.Manifests;

namespace Baize.Compression.Compressing;

/// <summary>One compression run: which encoder, how small, by which method, with which data and training budget.</summary>
/// <param name="Modality">The encoder to compress; the other three teachers stay frozen as anchors.</param>
/// <param name="Ratio">How many times fewer parameters than the teacher: 4 for "4x".</param>
/// <param name="ModelsFolder">Where the active teachers are read and the student is written (not activated).</param>
/// <param name="WorkFolder">Checkpoints and the report of this run; a rerun with the same options resumes from here.</param>
/// <param name="Steps">Optimiser steps in all; every method gets the same number, on batches of <paramref name="Batch"/> items.</param>
/// <param name="JointShare">For the ADMM methods, the share of the steps spent before the hard prune (the rest is recovery).</param>
/// <param name="AdmmRounds">Z/U updates (and budget re-allocations) during the joint phase; ρ grows by <paramref name="RhoGrowth"/> at each.</param>
/// <param name="MetaInterval">Steps between the dean's meta-updates.</param>
/// <param name="MeasureInterval">Steps between measurements of distillability and sparsability.</param>
public sealed record CompressionOptions(
    Modality Modality,
    double Ratio,
    CompressionMethod Method,
    string CorpusFolder,
    string ModelsFolder,
    string WorkFolder,
    string? Version = null,
    int Steps = 300,
    int Batch = 64,
    double LearningRate = 1e-3,
    double JointShare = 0.7,
    int AdmmRounds = 6,
    int MetaInterval = 10,
    int MeasureInterval = 30,
    double InitialRho = 0.02,
    double RhoGrowth = 1.6,
    int CheckpointInterval = 50,
    int Seed = 17,
    string? FeatureCacheFolder = null)
{
    public string MethodName => Method.ToString().ToLowerInvariant();

    public string TargetName => string.Create(CultureInfo.InvariantCulture, $"{Ratio}x");

    /// <summary>The student's version (and folder name): for example "dean-4x".</summary>
    public string StudentVersion => Version ?? $"{MethodName}-{TargetName}";

    public string FeatureCache => FeatureCacheFolder ?? Path.Combine(WorkFolder, "features");

    /// <summary>Steps before the hard prune for the ADMM methods.</summary>
    public int JointSteps => Method is CompressionMethod.Dean or CompressionMethod.Joint ? (int)Math.Round(Steps * JointShare) : 0;

    /// <summary>What must match for a checkpoint to be resumed.</summary>
    public string Fingerprint => string.Create(
        CultureInfo.InvariantCulture,
        $"{ManifestJson.ModalityName(Modality)}|{Ratio}|{Method}|{CorpusFolder}|{Steps}|{Batch}|{LearningRate}|{JointShare}|{AdmmRounds}|{MetaInterval}|{MeasureInterval}|{InitialRho}|{RhoGrowth}|{Seed}");
}

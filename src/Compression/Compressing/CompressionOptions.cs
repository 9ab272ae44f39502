using System.Globalization;
using Baize.Embedding;
using Baize.Embedding.Manifests;

namespace Baize.Compression.Compressing;

/// <summary>One compression run of an encoder: which one, how small, trained how, with which data.</summary>
/// <param name="Modality">The encoder to compress; the other three teachers stay frozen as anchors.</param>
/// <param name="Ratio">How many times fewer parameters than the teacher: 4 for "4x".</param>
/// <param name="ModelsFolder">Where the active teachers are read and the student is written (not activated).</param>
/// <param name="WorkFolder">Checkpoints and the report of this run; a rerun with the same options resumes from here.</param>
public sealed record CompressionOptions(
    Modality Modality,
    double Ratio,
    CompressionSchedule Schedule,
    string CorpusFolder,
    string ModelsFolder,
    string WorkFolder,
    string? Version = null,
    string? FeatureCacheFolder = null)
{
    /// <summary>
    /// Raised whenever a change to the training code changes what a run computes, so that checkpoints and finished
    /// runs of the older code are neither resumed nor returned as this code's results.
    /// </summary>
    public const int MethodRevision = 4;

    /// <summary>
    /// Raised, beside <see cref="MethodRevision"/>, when a change touches only the dean (its network, its
    /// meta-objective), so that the baselines' finished runs stay valid while the dean's students are trained again.
    /// Revision 3: the dean's initial weights come from the run's seed, not from whatever the process drew before.
    /// </summary>
    public const int DeanRevision = 3;

    public string MethodName => Schedule.MethodName;

    public string TargetName => string.Create(CultureInfo.InvariantCulture, $"{Ratio}x");

    /// <summary>The student's version (and folder name): for example "dean-4x".</summary>
    public string StudentVersion => Version ?? $"{MethodName}-{TargetName}";

    public string FeatureCache => FeatureCacheFolder ?? Path.Combine(WorkFolder, "features");

    /// <summary>The revision of the code that trains <paramref name="method"/>'s students, as fingerprints record it.</summary>
    public static string Revision(CompressionMethod method) => method == CompressionMethod.Dean
        ? string.Create(CultureInfo.InvariantCulture, $"r{MethodRevision}-dean{DeanRevision}")
        : string.Create(CultureInfo.InvariantCulture, $"r{MethodRevision}");

    /// <summary>What must match for a checkpoint to be resumed or a finished run to be returned.</summary>
    public string Fingerprint => string.Create(
        CultureInfo.InvariantCulture,
        $"{Revision(Schedule.Method)}|{ManifestJson.ModalityName(Modality)}|{Ratio}|{Schedule.Method}|{CorpusFolder}|{Schedule.TrainingKey}");
}

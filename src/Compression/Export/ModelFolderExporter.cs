using System.Globalization;
using System.Text.Json;
using Baize.Compression.Architectures;
using Baize.Compression.Onnx;
using Baize.Compression.Training;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;
using Baize.Embedding.Preprocessing.Audio;
using Baize.Embedding.Preprocessing.Image;
using Baize.Embedding.Preprocessing.Video;
using TorchSharp;

namespace Baize.Compression.Export;

/// <summary>
/// Writes one trained encoder as a model folder under models/&lt;modality&gt;/&lt;version&gt;/: model.onnx, weights.dat,
/// vocab.txt for text, and a manifest with the measured preprocessing statistics, lineage and metrics; then loads the
/// folder back through the serving side's validation so a folder that would be refused is never left behind.
/// </summary>
public sealed class ModelFolderExporter(string modelsFolder)
{
    /// <summary>Exports one encoder of a freshly trained set, with the statistics and vocabulary measured for it.</summary>
    public Task<string> ExportAsync(EncoderSet encoders, Modality modality, TrainingLineage lineage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(lineage);
        var method = lineage.Options.WidthFactor == 1.0 ? "trained" : string.Create(CultureInfo.InvariantCulture, $"trained-width-{lineage.Options.WidthFactor}");
        var model = new ExportedModel(
            lineage.Options.Version,
            Preprocessing(modality, lineage),
            modality == Modality.Text ? lineage.VocabularyPath : null,
            new ModelLineage(null, null, method, DateTimeOffset.UtcNow),
            ValidationMetrics(modality, lineage.FinalEpoch));
        return WriteAsync(encoders[modality], modality, model, cancellationToken);
    }

    /// <summary>
    /// Exports a compressed student of <paramref name="teacher"/>: same modality, preprocessing and vocabulary, a
    /// lineage naming the teacher and the method, and the student's own metrics.
    /// </summary>
    public Task<string> ExportStudentAsync(IEncoder student, ModelFolder teacher, string version, string method, IReadOnlyDictionary<string, double> metrics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        var model = new ExportedModel(
            version,
            teacher.Manifest.Preprocessing,
            teacher.VocabularyPath,
            new ModelLineage(teacher.Manifest.Id, teacher.Version, method, DateTimeOffset.UtcNow),
            metrics);
        return WriteAsync(student, teacher.Modality, model, cancellationToken);
    }

    private async Task<string> WriteAsync(IEncoder encoder, Modality modality, ExportedModel model, CancellationToken cancellationToken)
    {
        var directory = new ModelDirectory(modelsFolder);
        var folder = directory.VersionPath(modality, model.Version);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var module = (torch.nn.Module)encoder;
        module.eval();
        module.to(torch.CPU);
        OnnxExporter.Export(encoder, Path.Combine(folder, ModelFolder.ModelFileName));
        EncoderWeights.Save(module, Path.Combine(folder, ModelFolder.WeightsFileName));
        if (model.VocabularyPath is not null)
        {
            File.Copy(model.VocabularyPath, Path.Combine(folder, model.Preprocessing.Text!.VocabularyFile), overwrite: true);
        }

        var manifest = new ModelManifest
        {
            Id = $"baize-{ManifestJson.ModalityName(modality)}",
            Modality = modality,
            Version = model.Version,
            Dimension = Architectures.EncoderContract.EmbeddingDimension,
            Architecture = new ArchitectureInfo(encoder.ArchitectureName, JsonSerializer.SerializeToNode(encoder.Config, encoder.Config.GetType(), EncoderFolder.ConfigJson)!.AsObject()),
            Inputs = Embedding.Manifests.EncoderContract.Inputs(modality, model.Preprocessing),
            Output = Embedding.Manifests.EncoderContract.OutputName,
            Preprocessing = model.Preprocessing,
            Lineage = model.Lineage,
            Metrics = model.Metrics,
            Parameters = encoder.ParameterCount(),
            Macs = encoder.MacsPerItem(),
        };
        await ManifestWriter.WriteAsync(folder, manifest, cancellationToken);
        ModelFolder.Load(folder);
        return folder;
    }

    private static PreprocessingParameters Preprocessing(Modality modality, TrainingLineage lineage)
    {
        var statistics = lineage.Statistics;
        return modality switch
        {
            Modality.Text => new PreprocessingParameters { Text = lineage.Text },
            Modality.Image => new PreprocessingParameters { Image = new ImagePreprocessing { Mean = statistics.Image.Mean, Std = statistics.Image.Std } },
            Modality.Audio => new PreprocessingParameters { Audio = new AudioPreprocessing { Mean = statistics.Audio.Mean[0], Std = statistics.Audio.Std[0] } },
            Modality.Video => new PreprocessingParameters { Video = new VideoPreprocessing { Mean = statistics.Video.Mean, Std = statistics.Video.Std } },
            _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, null),
        };
    }

    /// <summary>The last epoch's validation Recall@1 of every pair this modality takes part in.</summary>
    private static Dictionary<string, double> ValidationMetrics(Modality modality, EpochSummary epoch)
    {
        var name = ManifestJson.ModalityName(modality);
        return epoch.ValidationRecallAt1
            .Where(p => p.Key.Split("->").Contains(name))
            .ToDictionary(p => $"validation_recall_at_1_{p.Key.Replace("->", "_to_", StringComparison.Ordinal)}", p => p.Value);
    }

    /// <summary>What a model folder records besides the encoder itself.</summary>
    private sealed record ExportedModel(
        string Version,
        PreprocessingParameters Preprocessing,
        string? VocabularyPath,
        ModelLineage Lineage,
        IReadOnlyDictionary<string, double> Metrics);
}

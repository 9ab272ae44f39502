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
    private static readonly JsonSerializerOptions ConfigJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<string> ExportAsync(EncoderSet encoders, Modality modality, TrainingLineage lineage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(lineage);
        var directory = new ModelDirectory(modelsFolder);
        var folder = directory.VersionPath(modality, lineage.Options.Version);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var encoder = encoders[modality];
        var module = (torch.nn.Module)encoder;
        module.eval();
        module.to(torch.CPU);
        WriteOnnx(encoders, modality, Path.Combine(folder, ModelFolder.ModelFileName));
        EncoderWeights.Save(module, Path.Combine(folder, ModelFolder.WeightsFileName));
        var preprocessing = Preprocessing(modality, lineage);
        if (modality == Modality.Text)
        {
            File.Copy(lineage.VocabularyPath, Path.Combine(folder, lineage.Text.VocabularyFile), overwrite: true);
        }

        var manifest = new ModelManifest
        {
            Id = $"baize-{ManifestJson.ModalityName(modality)}",
            Modality = modality,
            Version = lineage.Options.Version,
            Dimension = Architectures.EncoderContract.EmbeddingDimension,
            Architecture = new ArchitectureInfo(encoder.ArchitectureName, JsonSerializer.SerializeToNode(ConfigOf(encoders, modality), ConfigJson)!.AsObject()),
            Inputs = Embedding.Manifests.EncoderContract.Inputs(modality, preprocessing),
            Output = Embedding.Manifests.EncoderContract.OutputName,
            Preprocessing = preprocessing,
            Lineage = new ModelLineage(null, null, lineage.Options.WidthFactor == 1.0 ? "trained" : string.Create(CultureInfo.InvariantCulture, $"trained-width-{lineage.Options.WidthFactor}"), DateTimeOffset.UtcNow),
            Metrics = ValidationMetrics(modality, lineage.FinalEpoch),
            Parameters = encoder.ParameterCount(),
            Macs = encoder.MacsPerItem(),
        };
        await ManifestWriter.WriteAsync(folder, manifest, cancellationToken);
        ModelFolder.Load(folder);
        return folder;
    }

    private static void WriteOnnx(EncoderSet encoders, Modality modality, string path)
    {
        switch (modality)
        {
            case Modality.Text:
                OnnxExporter.Export(encoders.Text, path);
                break;
            case Modality.Image:
                OnnxExporter.Export(encoders.Image, path);
                break;
            case Modality.Audio:
                OnnxExporter.Export(encoders.Audio, path);
                break;
            case Modality.Video:
                OnnxExporter.Export(encoders.Video, path);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(modality), modality, null);
        }
    }

    private static object ConfigOf(EncoderSet encoders, Modality modality) => modality switch
    {
        Modality.Text => encoders.Config.Text,
        Modality.Image => encoders.Config.Image,
        Modality.Audio => encoders.Config.Audio,
        Modality.Video => encoders.Config.Video,
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, null),
    };

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
}

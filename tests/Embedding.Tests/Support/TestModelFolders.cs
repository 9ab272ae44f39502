using System.Text.Json.Nodes;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;
using Baize.Embedding.Preprocessing.Text;

namespace Baize.Embedding.Tests.Support;

/// <summary>Writes complete model folders (model.onnx, weights.dat, vocab.txt for text, manifest.json) around <see cref="TestOnnxModels"/>.</summary>
internal static class TestModelFolders
{
    public const int Dimension = 128;

    /// <summary>Vocabulary source for text models: enough to cover the texts the tests embed.</summary>
    public static readonly string[] CaptionTexts =
    [
        "a red shirt on a wooden table",
        "a blue sneaker next to a red bag",
        "two white shirts and a black coat",
        "a red dress in the evening light",
    ];

    /// <summary>
    /// Creates a folder for <paramref name="modality"/>. The manifest always follows the contract; <paramref name="onnx"/>
    /// replaces the model bytes to build a deliberately mismatched folder.
    /// </summary>
    public static async Task<string> CreateAsync(string folder, Modality modality, string version = "1.0.0", byte[]? onnx = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var preprocessing = PreprocessingParameters.Default(modality);
        if (modality == Modality.Text)
        {
            var vocabulary = new WordPieceVocabularyBuilder(minWordCount: 1);
            vocabulary.AddRange(CaptionTexts);
            await vocabulary.WriteAsync(Path.Combine(folder, "vocab.txt"), cancellationToken);
            onnx ??= TestOnnxModels.Text(vocabulary.Build().Count);
        }

        onnx ??= modality switch
        {
            Modality.Image => TestOnnxModels.Image(),
            Modality.Audio => TestOnnxModels.Audio(),
            Modality.Video => TestOnnxModels.Video(),
            _ => throw new ArgumentOutOfRangeException(nameof(modality)),
        };
        await File.WriteAllBytesAsync(Path.Combine(folder, ModelFolder.ModelFileName), onnx, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, ModelFolder.WeightsFileName), [.. Enumerable.Range(0, 1024).Select(i => (byte)i)], cancellationToken);
        await ManifestWriter.WriteAsync(folder, Manifest(modality, version, preprocessing), cancellationToken);
        return folder;
    }

    public static ModelManifest Manifest(Modality modality, string version, PreprocessingParameters preprocessing) => new()
    {
        Id = $"test-{ManifestJson.ModalityName(modality)}",
        Modality = modality,
        Version = version,
        Dimension = Dimension,
        Architecture = new ArchitectureInfo("PooledLinear", new JsonObject { ["pool"] = 8, ["normalise"] = true }),
        Inputs = EncoderContract.Inputs(modality, preprocessing),
        Output = EncoderContract.OutputName,
        Preprocessing = preprocessing,
        Lineage = new ModelLineage(null, null, "test", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        Metrics = new Dictionary<string, double> { ["recall_at_10"] = 0.5 },
        Parameters = 1234,
        Macs = 5678,
    };
}

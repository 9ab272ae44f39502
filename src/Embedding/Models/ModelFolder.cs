using System.Text.Json;
using Baize.Embedding.Manifests;
using Baize.Embedding.Preprocessing.Text;
using Microsoft.ML.OnnxRuntime;

namespace Baize.Embedding.Models;

/// <summary>
/// A validated model folder: model.onnx, manifest.json, optional weights.dat (training weights, only hashed
/// here) and, for text, the vocabulary. <see cref="Load"/> checks everything an encoder relies on, so a folder
/// that loads can be served.
/// </summary>
public sealed class ModelFolder
{
    public const string ManifestFileName = "manifest.json";
    public const string ModelFileName = "model.onnx";
    public const string WeightsFileName = "weights.dat";

    private ModelFolder(string path, ModelManifest manifest)
    {
        Path = path;
        Manifest = manifest;
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    public ModelManifest Manifest { get; }

    public Modality Modality => Manifest.Modality;

    public string Version => Manifest.Version;

    public string ModelPath => System.IO.Path.Combine(Path, ModelFileName);

    /// <summary>The WordPiece vocabulary of a text model; null for other modalities.</summary>
    public string? VocabularyPath => Manifest.Preprocessing.Text is { } text && Modality == Modality.Text
        ? System.IO.Path.Combine(Path, text.VocabularyFile)
        : null;

    /// <summary>
    /// Loads and validates a model folder: the manifest parses and is consistent with the encoder contract, every
    /// listed file exists with the listed SHA-256, and model.onnx has exactly the declared inputs and a
    /// [-1, dimension] float output.
    /// </summary>
    /// <exception cref="ModelValidationException">Anything is wrong; the message names the file and the mismatch.</exception>
    public static ModelFolder Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(folder))
        {
            throw new ModelValidationException(folder, ".", "the folder does not exist.");
        }

        var manifest = ReadManifest(folder);
        ManifestValidator.Validate(manifest, folder);
        var model = new ModelFolder(folder, manifest);
        model.CheckFiles();
        model.CheckOnnxModel();
        model.CheckVocabulary();
        return model;
    }

    private static ModelManifest ReadManifest(string folder)
    {
        var file = System.IO.Path.Combine(folder, ManifestFileName);
        if (!File.Exists(file))
        {
            throw new ModelValidationException(folder, ManifestFileName, "is missing.");
        }

        ModelManifest manifest;
        try
        {
            manifest = ManifestJson.Deserialize(File.ReadAllText(file));
        }
        catch (JsonException ex)
        {
            throw new ModelValidationException(folder, ManifestFileName, $"is not a valid manifest: {ex.Message}", ex);
        }

        if (manifest.SchemaVersion != ModelManifest.CurrentSchemaVersion)
        {
            throw new ModelValidationException(folder, ManifestFileName, $"has schema_version {manifest.SchemaVersion}; this build reads version {ModelManifest.CurrentSchemaVersion}.");
        }

        return manifest;
    }

    private void CheckFiles()
    {
        var files = Manifest.Files;
        Require(files.ContainsKey(ModelFileName), $"files does not list {ModelFileName}.");
        if (Manifest.Preprocessing.Text is { } text && Modality == Modality.Text)
        {
            Require(files.ContainsKey(text.VocabularyFile), $"files does not list the vocabulary {text.VocabularyFile}.");
        }

        foreach (var (relative, expectedHash) in files)
        {
            if (relative.Length == 0 || System.IO.Path.IsPathRooted(relative) || relative.Split('/', '\\').Any(part => part is "" or "." or ".."))
            {
                throw new ModelValidationException(Path, ManifestFileName, $"files lists '{relative}', which is not a plain path inside the folder.");
            }

            var file = System.IO.Path.Combine(Path, relative);
            if (!File.Exists(file))
            {
                throw new ModelValidationException(Path, relative, "is listed in manifest.json but missing.");
            }

            var actual = FileHashes.Sha256(file);
            if (!string.Equals(actual, expectedHash, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelValidationException(Path, relative, $"has SHA-256 {actual}; manifest.json lists {expectedHash}.");
            }
        }
    }

    private void CheckOnnxModel()
    {
        // Only the graph's signature is read here, so optimisation is skipped to keep the check fast.
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
        InferenceSession session;
        try
        {
            session = new InferenceSession(ModelPath, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new ModelValidationException(Path, ModelFileName, $"cannot be loaded by ONNX Runtime: {ex.Message}", ex);
        }

        using (session)
        {
            OnnxSignature.Verify(session, Manifest, Path);
        }
    }

    private void CheckVocabulary()
    {
        if (VocabularyPath is not { } vocabulary)
        {
            return;
        }

        try
        {
            _ = new TextPreprocessor(Manifest.Preprocessing.Text!, vocabulary);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            throw new ModelValidationException(Path, Manifest.Preprocessing.Text!.VocabularyFile, $"is not a usable WordPiece vocabulary: {ex.Message}", ex);
        }
    }

    private void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ModelValidationException(Path, ManifestFileName, problem);
        }
    }
}

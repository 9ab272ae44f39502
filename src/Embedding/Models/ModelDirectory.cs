using System.Text.Json;
using Baize.Embedding.Manifests;

namespace Baize.Embedding.Models;

/// <summary>
/// The models/ tree: <c>models/&lt;modality&gt;/&lt;version&gt;/</c> holds one model folder per version, and
/// <c>models/&lt;modality&gt;/active.json</c> names the version served. A modality without active.json is not served.
/// The pointer is replaced by an atomic rename, so a reader sees the old or the new version, never a torn file.
/// </summary>
public sealed class ModelDirectory
{
    public const string ActivePointerFileName = "active.json";

    public ModelDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>models/&lt;modality&gt;, named "text", "image", "audio" or "video".</summary>
    public string ModalityPath(Modality modality) => Path.Combine(Root, ManifestJson.ModalityName(modality));

    public string VersionPath(Modality modality, string version)
    {
        if (!ManifestValidator.IsSafeVersion(version))
        {
            throw new ArgumentException($"'{version}' is not usable as a version folder name.", nameof(version));
        }

        return Path.Combine(ModalityPath(modality), version);
    }

    /// <summary>Version folders that contain a manifest, in ordinal order.</summary>
    public IReadOnlyList<string> ListVersions(Modality modality)
    {
        var directory = ModalityPath(modality);
        return !Directory.Exists(directory)
            ? []
            : [.. Directory.EnumerateDirectories(directory)
                .Where(d => File.Exists(Path.Combine(d, ModelFolder.ManifestFileName)))
                .Select(d => Path.GetFileName(d))
                .Order(StringComparer.Ordinal)];
    }

    /// <summary>The version active.json names, or null when the modality has no pointer.</summary>
    /// <exception cref="ModelValidationException">active.json exists but cannot be read.</exception>
    public string? GetActiveVersion(Modality modality)
    {
        var file = Path.Combine(ModalityPath(modality), ActivePointerFileName);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var pointer = JsonSerializer.Deserialize(File.ReadAllText(file), ModelDirectoryJsonContext.Default.ActiveModelPointer);
            return pointer is not null && ManifestValidator.IsSafeVersion(pointer.Version)
                ? pointer.Version
                : throw new JsonException("It does not name a usable version.");
        }
        catch (JsonException ex)
        {
            throw new ModelValidationException(ModalityPath(modality), ActivePointerFileName, $"is not a valid pointer: {ex.Message}", ex);
        }
    }

    /// <summary>Loads and validates the active model folder of a modality, or returns null when none is active.</summary>
    /// <exception cref="ModelValidationException">The folder is invalid or does not belong where it is.</exception>
    public ModelFolder? LoadActive(Modality modality) =>
        GetActiveVersion(modality) is { } version ? Load(modality, version) : null;

    /// <summary>Loads a version folder and checks that its manifest agrees with its place in the tree.</summary>
    public ModelFolder Load(Modality modality, string version)
    {
        var model = ModelFolder.Load(VersionPath(modality, version));
        if (model.Modality != modality || model.Version != version)
        {
            throw new ModelValidationException(
                model.Path,
                ModelFolder.ManifestFileName,
                $"declares a {ManifestJson.ModalityName(model.Modality)} model version '{model.Version}' but sits in {ManifestJson.ModalityName(modality)}/{version}.");
        }

        return model;
    }

    /// <summary>Validates the version folder, then points active.json at it. Returns the loaded folder, ready to activate.</summary>
    public ModelFolder SetActive(Modality modality, string version, DateTimeOffset? activatedUtc = null)
    {
        var model = Load(modality, version);
        var pointer = new ActiveModelPointer(version, activatedUtc ?? DateTimeOffset.UtcNow);
        var target = Path.Combine(ModalityPath(modality), ActivePointerFileName);
        var temporary = target + ManifestWriter.TemporarySuffix;
        File.WriteAllText(temporary, JsonSerializer.Serialize(pointer, ModelDirectoryJsonContext.Default.ActiveModelPointer) + "\n");
        File.Move(temporary, target, overwrite: true);
        return model;
    }
}

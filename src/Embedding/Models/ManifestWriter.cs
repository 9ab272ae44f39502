using Baize.Embedding.Manifests;

namespace Baize.Embedding.Models;

/// <summary>
/// Writes manifest.json into a model folder after hashing every other file in it. Run it last, once model.onnx,
/// weights.dat and (for text) the vocabulary are in place; then <see cref="ModelFolder.Load"/> verifies the result.
/// </summary>
public static class ManifestWriter
{
    /// <summary>Written first and renamed over the target, so readers never see half a file.</summary>
    internal const string TemporarySuffix = ".tmp";

    /// <summary>Hashes the folder's files into <see cref="ModelManifest.Files"/>, writes manifest.json atomically and returns the manifest written.</summary>
    public static async Task<ModelManifest> WriteAsync(string folder, ModelManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(manifest);
        var root = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(root, ModelFolder.ModelFileName)))
        {
            throw new ModelValidationException(root, ModelFolder.ModelFileName, "is missing; write the model before its manifest.");
        }

        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative != ModelFolder.ManifestFileName && !relative.EndsWith(TemporarySuffix, StringComparison.Ordinal))
            {
                hashes[relative] = await FileHashes.Sha256Async(file, cancellationToken);
            }
        }

        var written = manifest with { Files = hashes };
        var target = Path.Combine(root, ModelFolder.ManifestFileName);
        var temporary = target + TemporarySuffix;
        await File.WriteAllTextAsync(temporary, ManifestJson.Serialize(written) + "\n", cancellationToken);
        File.Move(temporary, target, overwrite: true);
        return written;
    }
}

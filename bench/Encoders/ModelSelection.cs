using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;

namespace Baize.Encoders;

/// <summary>Finds the model folders to measure: the explicit --model folders, or else the active version of each modality.</summary>
public static class ModelSelection
{
    /// <exception cref="ModelValidationException">A folder or active pointer is invalid.</exception>
    /// <exception cref="InvalidOperationException">Nothing is left to measure.</exception>
    public static IReadOnlyList<ModelFolder> Resolve(BenchmarkArguments arguments, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(log);
        if (arguments.ModelFolders.Count > 0)
        {
            return [.. arguments.ModelFolders.Select(ModelFolder.Load)];
        }

        var tree = new ModelDirectory(arguments.ModelsTree);
        var models = new List<ModelFolder>();
        foreach (var modality in Enum.GetValues<Modality>())
        {
            if (tree.LoadActive(modality) is { } model)
            {
                models.Add(model);
            }
            else
            {
                log.WriteLine($"{ManifestJson.ModalityName(modality)}: no {ModelDirectory.ActivePointerFileName} under {tree.ModalityPath(modality)}; skipped.");
            }
        }

        return models.Count > 0
            ? models
            : throw new InvalidOperationException($"{tree.Root} has no active model for any modality; train one or pass --model FOLDER.");
    }
}

using System.Collections.ObjectModel;

namespace Baize.Embedding.Manifests;

/// <summary>
/// manifest.json of a model folder (snake_case JSON): what the model is, how to feed it, where it came from,
/// how good it is, and the SHA-256 of every file it ships with.
/// </summary>
public sealed record ModelManifest
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Stable name of the model line, for example "baize-image".</summary>
    public required string Id { get; init; }

    public required Modality Modality { get; init; }

    /// <summary>Version string; also the name of the model's folder under models/&lt;modality&gt;/.</summary>
    public required string Version { get; init; }

    /// <summary>Embedding dimension d; the model's output is [N, d].</summary>
    public required int Dimension { get; init; }

    public required ArchitectureInfo Architecture { get; init; }

    /// <summary>The model's inputs; must equal <see cref="EncoderContract.Inputs"/> for the modality and preprocessing.</summary>
    public required IReadOnlyList<TensorSpec> Inputs { get; init; }

    /// <summary>Name of the embedding output.</summary>
    public required string Output { get; init; }

    public required PreprocessingParameters Preprocessing { get; init; }

    public required ModelLineage Lineage { get; init; }

    /// <summary>Evaluation results, for example "recall_at_10" or "quality_retention".</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = ReadOnlyDictionary<string, double>.Empty;

    /// <summary>SHA-256 (lowercase hex) of each file, by path relative to the folder with '/' separators; filled in by ManifestWriter.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Number of trainable parameters.</summary>
    public long Parameters { get; init; }

    /// <summary>Multiply-accumulate operations for one input.</summary>
    public long Macs { get; init; }
}

using System.ComponentModel.DataAnnotations;
using Baize.Vectors;

namespace Baize.Indexer;

/// <summary>How items are stored, cut into segments and embedded; bound from the "Indexer" configuration section.</summary>
public sealed class IndexerOptions : IValidatableObject
{
    public const string Section = "Indexer";

    /// <summary>Root of the catalogue, the originals and the embedded vector store.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Audio windows: long recordings are cut into windows this long…</summary>
    [Range(0.5, 600)]
    public double AudioWindowSeconds { get; set; } = 6;

    /// <summary>…that overlap by this much, so a phrase on a window edge is whole in one of them.</summary>
    [Range(0, 300)]
    public double AudioOverlapSeconds { get; set; } = 2;

    [Range(0.5, 600)]
    public double VideoWindowSeconds { get; set; } = 4;

    [Range(0, 300)]
    public double VideoOverlapSeconds { get; set; } = 1;

    /// <summary>Longer media is refused rather than cut into an unbounded number of points.</summary>
    [Range(1, 100_000)]
    public int MaxSegmentsPerItem { get; set; } = 2_000;

    /// <summary>Messages one indexer processes at once; their embeddings are batched together.</summary>
    [Range(1, 256)]
    public int ConcurrentMessages { get; set; } = 8;

    /// <summary>How new vector collections scan: Int8 (quantised scan, candidates re-scored exactly in float32; recall@10
    /// 1.000 against exact in bench/VectorSearch, about 4x less scan time) or None (exact float32 scan).</summary>
    public VectorQuantization Quantization { get; set; } = VectorQuantization.Int8;

    /// <summary>Longest text item, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxTextCharacters { get; set; } = 10_000;

    public string CatalogPath => Path.Combine(DataFolder, "catalog.db");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AudioOverlapSeconds >= AudioWindowSeconds)
        {
            yield return new ValidationResult("The audio overlap must be shorter than the audio window.", [nameof(AudioOverlapSeconds)]);
        }

        if (VideoOverlapSeconds >= VideoWindowSeconds)
        {
            yield return new ValidationResult("The video overlap must be shorter than the video window.", [nameof(VideoOverlapSeconds)]);
        }
    }

    public string OriginalsFolder => Path.Combine(DataFolder, "media");

    public string VectorsPath => Path.Combine(DataFolder, "vectors.db");
}

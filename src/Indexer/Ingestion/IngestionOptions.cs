using System.ComponentModel.DataAnnotations;

namespace Baize.Indexer.Ingestion;

/// <summary>Limits on what an upload may be; bound from the "Ingestion" configuration section.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest single file accepted.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most files in one upload request.</summary>
    [Range(1, 10_000)]
    public int MaxFilesPerRequest { get; set; } = 100;
}

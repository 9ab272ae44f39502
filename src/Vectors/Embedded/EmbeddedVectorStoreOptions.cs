using System.ComponentModel.DataAnnotations;

namespace Baize.Vectors.Embedded;

/// <summary>Where and how the embedded store keeps its data.</summary>
public sealed record EmbeddedVectorStoreOptions
{
    /// <summary>The SQLite database file holding every collection, alias and point. Its folder is created if missing.
    /// Several processes may open the same file.</summary>
    [Required]
    public string DatabasePath { get; init; } = Path.Combine("data", "vectors.db");

    public EmbeddedDurability Durability { get; init; } = EmbeddedDurability.PowerLoss;

    /// <summary>Int8 collections re-score this many times (top + skip) candidates exactly in float32.</summary>
    [Range(1, 100)]
    public int Int8Oversampling { get; init; } = 4;

    /// <summary>How long a write waits for another process's write transaction before failing as Unavailable.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Deletions are kept as tombstones so other processes can apply them incrementally; past this many per
    /// collection they are dropped and processes that had not caught up reload that collection in full.</summary>
    internal int TombstoneLimit { get; init; } = 65_536;
}

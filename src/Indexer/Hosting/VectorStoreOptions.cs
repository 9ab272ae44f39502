namespace Baize.Indexer.Hosting;

/// <summary>Which vector store holds the points; bound from the "VectorStore" configuration section.</summary>
public sealed class VectorStoreOptions
{
    public const string Section = "VectorStore";

    /// <summary>Embedded (SQLite file under the data folder, exact SIMD search) or Qdrant (REST).</summary>
    public VectorStoreProvider Provider { get; set; } = VectorStoreProvider.Embedded;

    /// <summary>Qdrant's REST address, e.g. http://localhost:6333.</summary>
    public Uri? QdrantUrl { get; set; }

    public string? QdrantApiKey { get; set; }
}

using Baize.Vectors.Filters;

namespace Baize.Vectors;

/// <summary>
/// One collection of points: an id, a vector of the collection's dimension and a payload. Writes are acknowledged only
/// once they are durable and visible to searches. Upserting an existing id replaces it, so every write is idempotent.
/// </summary>
public abstract class VectorCollection
{
    /// <summary>The name (or alias) this handle was opened with.</summary>
    public abstract string Name { get; }

    public abstract Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the collection, or checks that an existing one has the same dimension and distance.</summary>
    /// <exception cref="VectorStoreException">It exists with another dimension or distance.</exception>
    public abstract Task EnsureCollectionExistsAsync(VectorCollectionDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Deletes the collection with its points; deleting a missing collection is not an error.</summary>
    public abstract Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the records as one batch.</summary>
    public abstract Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default);

    public abstract Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default);

    public abstract Task DeleteAsync(VectorFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The records with these ids that exist (missing ids are left out), in no particular order.</summary>
    public abstract Task<IReadOnlyList<VectorRecord>> GetAsync(
        IReadOnlyList<Guid> ids, bool includeVectors = false, CancellationToken cancellationToken = default);

    /// <summary>One page of the records that match <paramref name="filter"/>, ordered by id; pass the page's
    /// <see cref="ScrollPage.NextOffset"/> to get the next one.</summary>
    public abstract Task<ScrollPage> ScrollAsync(
        VectorFilter? filter, int limit, Guid? offset = null, bool includeVectors = false, CancellationToken cancellationToken = default);

    public abstract Task<long> CountAsync(VectorFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>The <paramref name="top"/> best-scoring records that match the options' filter, best first.</summary>
    public abstract Task<IReadOnlyList<VectorSearchResult>> SearchAsync(
        ReadOnlyMemory<float> vector, int top, VectorSearchOptions? options = null, CancellationToken cancellationToken = default);
}

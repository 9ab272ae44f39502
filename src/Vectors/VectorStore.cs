namespace Baize.Vectors;

/// <summary>
/// A vector database: named collections, plus aliases that name a collection and can be re-pointed atomically
/// (readers never see a half-switched state). Every collection operation accepts an alias in place of a name.
/// </summary>
public abstract class VectorStore : IAsyncDisposable
{
    /// <summary>A handle on the collection (or alias) called <paramref name="name"/>; it need not exist yet.</summary>
    public abstract VectorCollection GetCollection(string name);

    /// <summary>Names of the existing collections (not aliases), in ordinal order.</summary>
    public abstract Task<IReadOnlyList<string>> ListCollectionNamesAsync(CancellationToken cancellationToken = default);

    /// <summary>Points <paramref name="aliasName"/> at <paramref name="collectionName"/>, creating or re-pointing it in one atomic step.</summary>
    /// <exception cref="VectorStoreException">The collection does not exist, or the alias is the name of a collection.</exception>
    public abstract Task SwitchAliasAsync(string aliasName, string collectionName, CancellationToken cancellationToken = default);

    /// <summary>The collection an alias points at, or null when there is no such alias.</summary>
    public abstract Task<string?> GetAliasTargetAsync(string aliasName, CancellationToken cancellationToken = default);

    /// <summary>Removes an alias; removing an unknown alias is not an error.</summary>
    public abstract Task DeleteAliasAsync(string aliasName, CancellationToken cancellationToken = default);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

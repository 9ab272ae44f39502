using System.Collections.Concurrent;

namespace Baize.Vectors.Embedded;

/// <summary>
/// A vector store in one SQLite file on local disk, searched exactly (or int8 + exact re-scoring) over in-memory
/// copies of the collections. Several processes may open the same file: before every operation the store asks SQLite
/// whether anything was committed since its last look (<c>PRAGMA data_version</c>), and if so re-reads the catalog and
/// catches each collection it uses up on the writes it has not seen. Thread-safe.
/// </summary>
public sealed class EmbeddedVectorStore : VectorStore
{
    private readonly ConcurrentDictionary<long, LoadedCollection> _loaded = new();
    private readonly Lock _catalogLock = new();
    private CatalogSnapshot? _catalog;
    private int _disposed;

    /// <summary>Opens (or creates) the database file.</summary>
    /// <exception cref="VectorStoreException">The file cannot be opened or is not an embedded store (Unavailable).</exception>
    public EmbeddedVectorStore(EmbeddedVectorStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Int8Oversampling, 1);
        Options = options;
        Storage = new SqliteStorage(options);
    }

    public EmbeddedVectorStoreOptions Options { get; }

    internal SqliteStorage Storage { get; }

    public override VectorCollection GetCollection(string name)
    {
        ThrowIfDisposed();
        StoreValidation.Name(name, "collection");
        return new EmbeddedVectorCollection(this, name);
    }

    public override Task<IReadOnlyList<string>> ListCollectionNamesAsync(CancellationToken cancellationToken = default) =>
        SyncTask.Run(() => Catalog().CollectionNames, cancellationToken);

    public override Task SwitchAliasAsync(string aliasName, string collectionName, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                StoreValidation.Name(aliasName, "alias");
                StoreValidation.Name(collectionName, "collection");
                ThrowIfDisposed();
                Storage.Write((connection, transaction) =>
                {
                    CatalogSql.SwitchAlias(connection, transaction, aliasName, collectionName);
                    return true;
                });
            },
            cancellationToken);

    public override Task<string?> GetAliasTargetAsync(string aliasName, CancellationToken cancellationToken = default) =>
        SyncTask.Run(() => Catalog().AliasTarget(aliasName), cancellationToken);

    public override Task DeleteAliasAsync(string aliasName, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                ThrowIfDisposed();
                Storage.Write((connection, transaction) =>
                {
                    CatalogSql.DeleteAlias(connection, transaction, aliasName);
                    return true;
                });
            },
            cancellationToken);

    public override ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Storage.Dispose();
            foreach (var collection in _loaded.Values)
            {
                collection.Dispose();
            }

            _loaded.Clear();
        }

        return base.DisposeAsync();
    }

    /// <summary>The catalog as of now: re-read only when some connection committed since the last look.</summary>
    internal CatalogSnapshot Catalog()
    {
        ThrowIfDisposed();
        lock (_catalogLock)
        {
            if (Storage.Changed() || _catalog is null)
            {
                var catalog = Storage.Read(CatalogSql.Read);

                // Copies of collections deleted since (by anyone) are dropped, which frees their memory. They are not
                // disposed: a search still running on one finishes on it undisturbed.
                foreach (var id in _loaded.Keys.Where(id => !catalog.Ids.Contains(id)))
                {
                    _loaded.TryRemove(id, out _);
                }

                _catalog = catalog;
            }

            return _catalog;
        }
    }

    /// <summary>The up-to-date in-memory copy of the collection (or alias) called <paramref name="name"/>.</summary>
    /// <exception cref="VectorStoreException">NotFound.</exception>
    internal LoadedCollection OpenForRead(string name)
    {
        var entry = Catalog().Resolve(name) ?? throw StoreValidation.NotFound(name);
        var collection = Loaded(entry);
        collection.CatchUp(entry.Seq, Storage);
        return collection;
    }

    internal LoadedCollection Loaded(CollectionEntry entry) => _loaded.GetOrAdd(entry.Id, static (_, e) => new LoadedCollection(e), entry);

    /// <summary>Applies a committed write of this process to the collection's copy, when one is loaded.</summary>
    internal void AfterWrite(CollectionEntry entry, long seq, Action<PointTable> apply)
    {
        if (_loaded.TryGetValue(entry.Id, out var collection))
        {
            collection.ApplyOwnWrite(seq, apply, Storage);
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}

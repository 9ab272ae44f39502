using Baize.Vectors.Filters;

namespace Baize.Vectors.Embedded;

/// <summary>
/// A handle on one collection (or alias) of an <see cref="EmbeddedVectorStore"/>. Writes resolve the name inside their
/// SQLite transaction, so they always act on the collection the name denotes at commit time; reads resolve it in the
/// catalog snapshot refreshed just before.
/// </summary>
internal sealed class EmbeddedVectorCollection : VectorCollection
{
    private readonly EmbeddedVectorStore _store;

    public EmbeddedVectorCollection(EmbeddedVectorStore store, string name)
    {
        _store = store;
        Name = name;
    }

    public override string Name { get; }

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) =>
        SyncTask.Run(() => _store.Catalog().Resolve(Name) is not null, cancellationToken);

    public override Task EnsureCollectionExistsAsync(VectorCollectionDefinition definition, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                StoreValidation.Definition(definition);
                Write((connection, transaction) => CatalogSql.Ensure(connection, transaction, Name, definition));
            },
            cancellationToken);

    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) =>
        SyncTask.Run(() => Write((connection, transaction) => CatalogSql.Delete(connection, transaction, Name)), cancellationToken);

    public override Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(records);
                var prepared = UpsertBatch.Prepare(records);
                var (entry, points, seq) = Write((connection, transaction) =>
                {
                    var entry = CatalogSql.Resolve(connection, transaction, Name) ?? throw StoreValidation.NotFound(Name);
                    var points = UpsertBatch.Complete(prepared, entry);
                    return (entry, points, points.Count == 0 ? 0 : PointSql.Upsert(connection, transaction, entry, points));
                });
                if (points.Count > 0)
                {
                    _store.AfterWrite(entry, seq, table =>
                    {
                        table.EnsureCapacity(table.Count + points.Count);
                        foreach (var point in points)
                        {
                            table.Upsert(point.Id, point.Vector, point.Payload);
                        }
                    });
                }
            },
            cancellationToken);

    public override Task DeleteAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(ids);
                var distinct = ids.ToHashSet();
                var (entry, seq) = Write((connection, transaction) =>
                {
                    var entry = CatalogSql.Resolve(connection, transaction, Name) ?? throw StoreValidation.NotFound(Name);
                    return (entry, PointSql.Delete(connection, transaction, entry, distinct, _store.Options.TombstoneLimit));
                });
                ApplyDeletes(entry, seq, distinct);
            },
            cancellationToken);

    public override Task DeleteAsync(VectorFilter filter, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                ArgumentNullException.ThrowIfNull(filter);
                var evaluator = FilterEvaluator.Create(filter);
                var (entry, ids, seq) = Write((connection, transaction) =>
                {
                    // Matching runs inside the write transaction on a copy caught up to the latest commit, so a point
                    // another process wrote a moment ago is deleted if it matches.
                    var entry = CatalogSql.Resolve(connection, transaction, Name) ?? throw StoreValidation.NotFound(Name);
                    var collection = _store.Loaded(entry);
                    collection.CatchUpWithin(connection, transaction);
                    var ids = collection.Read(table => CollectionSearch.MatchingRows(table, evaluator).Select(table.IdAt).ToList());
                    return (entry, ids, PointSql.Delete(connection, transaction, entry, ids, _store.Options.TombstoneLimit));
                });
                ApplyDeletes(entry, seq, ids);
            },
            cancellationToken);

    public override Task<IReadOnlyList<VectorRecord>> GetAsync(
        IReadOnlyList<Guid> ids, bool includeVectors = false, CancellationToken cancellationToken = default) =>
        SyncTask.Run<IReadOnlyList<VectorRecord>>(
            () =>
            {
                ArgumentNullException.ThrowIfNull(ids);
                return _store.OpenForRead(Name).Read(table => ids.Distinct()
                    .Select(id => table.TryGetRow(id, out var row) ? ToRecord(table, row, includeVectors) : null)
                    .OfType<VectorRecord>()
                    .ToList());
            },
            cancellationToken);

    public override Task<ScrollPage> ScrollAsync(
        VectorFilter? filter, int limit, Guid? offset = null, bool includeVectors = false, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                if (limit < 1)
                {
                    throw StoreValidation.Invalid($"A scroll limit must be at least 1, not {limit}.");
                }

                var evaluator = FilterEvaluator.Create(filter);
                return _store.OpenForRead(Name).Read(table => Scroll(table, evaluator, limit, offset, includeVectors));
            },
            cancellationToken);

    public override Task<long> CountAsync(VectorFilter? filter = null, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                var evaluator = FilterEvaluator.Create(filter);
                return _store.OpenForRead(Name).Read(table => evaluator is null ? table.Count : (long)CollectionSearch.MatchingRows(table, evaluator).Count());
            },
            cancellationToken);

    public override Task<IReadOnlyList<VectorSearchResult>> SearchAsync(
        ReadOnlyMemory<float> vector, int top, VectorSearchOptions? options = null, CancellationToken cancellationToken = default) =>
        SyncTask.Run(
            () =>
            {
                options ??= new VectorSearchOptions();
                if (top < 1 || options.Skip < 0)
                {
                    throw StoreValidation.Invalid($"A search needs top ≥ 1 and skip ≥ 0, not top {top} and skip {options.Skip}.");
                }

                var evaluator = FilterEvaluator.Create(options.Filter);
                var collection = _store.OpenForRead(Name);
                var definition = collection.Entry.Definition;
                StoreValidation.Vector(vector.Span, definition.Dimension, Name, "query vector");
                var query = new float[FloatKernels.PaddedLength(definition.Dimension)];
                vector.Span.CopyTo(query);
                if (definition.Distance == DistanceFunction.Cosine)
                {
                    UpsertBatch.Normalize(query.AsSpan(0, definition.Dimension));
                }

                var oversampling = definition.Quantization == VectorQuantization.Int8 ? _store.Options.Int8Oversampling : 0;
                return collection.Read(table => CollectionSearch.Search(table, query, top, options, evaluator, oversampling));
            },
            cancellationToken);

    private static ScrollPage Scroll(PointTable table, FilterEvaluator? filter, int limit, Guid? offset, bool includeVectors)
    {
        var sorted = table.SortedIds();
        var start = 0;
        if (offset is { } from)
        {
            // The offset is inclusive: it is the first id of the page, as Qdrant's next_page_offset is.
            start = Array.BinarySearch(sorted, from);
            start = start < 0 ? ~start : start;
        }

        var records = new List<VectorRecord>(Math.Min(limit, table.Count));
        for (var i = start; i < sorted.Length; i++)
        {
            table.TryGetRow(sorted[i], out var row);
            if (filter is not null && !filter.Matches(sorted[i], table.PayloadAt(row)))
            {
                continue;
            }

            if (records.Count == limit)
            {
                return new ScrollPage(records, sorted[i]);
            }

            records.Add(ToRecord(table, row, includeVectors));
        }

        return new ScrollPage(records, null);
    }

    private static VectorRecord ToRecord(PointTable table, int row, bool includeVectors) =>
        new(table.IdAt(row), includeVectors ? table.CopyVector(row) : ReadOnlyMemory<float>.Empty, table.PayloadAt(row));

    private void ApplyDeletes(CollectionEntry entry, long? seq, IReadOnlyCollection<Guid> ids)
    {
        if (seq is { } committed)
        {
            _store.AfterWrite(entry, committed, table =>
            {
                foreach (var id in ids)
                {
                    table.Remove(id);
                }
            });
        }
    }

    private T Write<T>(Func<Microsoft.Data.Sqlite.SqliteConnection, Microsoft.Data.Sqlite.SqliteTransaction, T> work)
    {
        _store.ThrowIfDisposed();
        return _store.Storage.Write(work);
    }
}

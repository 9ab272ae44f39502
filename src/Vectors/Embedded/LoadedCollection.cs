using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Embedded;

/// <summary>
/// One collection's in-memory copy and how it keeps up with the database. Reads run under a shared lock, so searches
/// run in parallel; applying changes takes the exclusive lock only for the in-memory update (the database reads
/// happen before it), so searches wait for a copy, never for I/O. One refresh runs at a time (the refresh gate).
/// <see cref="Seq"/> is the collection's sequence number the copy reflects: a write applies directly when it is the
/// next number, otherwise the copy reads the rows and tombstones above <see cref="Seq"/> from the database.
/// </summary>
internal sealed class LoadedCollection : IDisposable
{
    private readonly Lock _refreshGate = new();
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private PointTable? _table;
    private long _seq = -1;

    public LoadedCollection(CollectionEntry entry)
    {
        Entry = entry;
    }

    /// <summary>The collection's id and definition (both fixed for the id's lifetime).</summary>
    public CollectionEntry Entry { get; }

    public long Seq => Volatile.Read(ref _seq);

    /// <summary>Brings the copy up to at least <paramref name="seq"/>, loading it in full the first time.</summary>
    public void CatchUp(long seq, SqliteStorage storage)
    {
        if (Seq >= seq && _table is not null)
        {
            return;
        }

        lock (_refreshGate)
        {
            if (_seq >= seq && _table is not null)
            {
                return;
            }

            if (_table is null)
            {
                // A full load reads every row: on its own connection, so the shared reader stays free for others.
                storage.ReadAlone(Refresh);
            }
            else
            {
                storage.Read(Refresh);
            }
        }
    }

    /// <summary>Brings the copy up to the latest commit, reading through the caller's write transaction (which holds
    /// SQLite's write lock, so nothing newer can exist).</summary>
    public void CatchUpWithin(SqliteConnection connection, SqliteTransaction transaction)
    {
        lock (_refreshGate)
        {
            Refresh(connection, transaction);
        }
    }

    /// <summary>Applies this process's own committed write with sequence number <paramref name="seq"/>.</summary>
    public void ApplyOwnWrite(long seq, Action<PointTable> apply, SqliteStorage storage)
    {
        lock (_refreshGate)
        {
            if (_table is null || _seq >= seq)
            {
                // Not loaded yet (the first read loads everything), or a refresh already read this write.
                return;
            }

            if (_seq == seq - 1)
            {
                var table = _table;
                Exclusive(() =>
                {
                    apply(table);
                    Volatile.Write(ref _seq, seq);
                });
            }
            else
            {
                // Another process (or another store on this file) wrote in between: read everything after _seq.
                storage.Read(Refresh);
            }
        }
    }

    public T Read<T>(Func<PointTable, T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read(_table ?? throw new InvalidOperationException("The collection was read before it was loaded."));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Only when no operation can be running on this copy (the store is being disposed).</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>Called under the refresh gate inside a read (or write) transaction.</summary>
    private bool Refresh(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (PointSql.Position(connection, transaction, Entry.Id) is not var (seq, horizon))
        {
            // Deleted by someone else; the catalog drops this copy on its next read.
            return false;
        }

        var definition = Entry.Definition;
        if (_table is null || horizon > _seq)
        {
            // First load, or tombstones this copy still needed were pruned: read everything.
            var table = PointSql.LoadAll(connection, transaction, Entry.Id, definition);
            Exclusive(() =>
            {
                _table = table;
                Volatile.Write(ref _seq, seq);
            });
            return true;
        }

        if (seq <= _seq)
        {
            return false;
        }

        var changes = PointSql.ReadChanges(connection, Entry.Id, definition.Dimension, _seq, seq);
        var current = _table;
        Exclusive(() =>
        {
            foreach (var id in changes.Deletes)
            {
                current.Remove(id);
            }

            current.EnsureCapacity(current.Count + changes.Upserts.Count);
            foreach (var point in changes.Upserts)
            {
                current.Upsert(point.Id, point.Vector, point.Payload);
            }

            Volatile.Write(ref _seq, changes.Seq);
        });
        return true;
    }

    private void Exclusive(Action action)
    {
        _lock.EnterWriteLock();
        try
        {
            action();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}

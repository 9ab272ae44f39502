using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Embedded;

/// <summary>
/// Writes and reads points. Vectors are stored as little-endian float32 blobs of exactly the collection's dimension,
/// ids as 16 big-endian bytes (<see cref="GuidBytes"/>), payloads as JSON text. The per-point loops run on
/// <see cref="RawStatement"/>s.
/// </summary>
internal static class PointSql
{
    private const string Columns = "point_id, vector, payload";

    /// <summary>Writes the points under the collection's next sequence number and returns it.</summary>
    public static long Upsert(SqliteConnection connection, SqliteTransaction transaction, CollectionEntry entry, IReadOnlyList<StoredPoint> points)
    {
        var (seq, tombstones) = NextSeq(connection, transaction, entry.Id);
        using var insert = new RawStatement(
            connection,
            """
            INSERT INTO points (collection_id, point_id, seq, vector, payload) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (collection_id, point_id) DO UPDATE SET seq = excluded.seq, vector = excluded.vector, payload = excluded.payload
            """);
        insert.Bind(1, entry.Id);
        insert.Bind(3, seq);

        // A re-upserted id loses its tombstone, so an id is never both a row and a tombstone; skipped while the
        // collection has no tombstones, which is the bulk-load case.
        using var untomb = tombstones > 0 ? new RawStatement(connection, "DELETE FROM tombstones WHERE collection_id = ?1 AND point_id = ?2") : null;
        untomb?.Bind(1, entry.Id);
        Span<byte> id = stackalloc byte[16];
        foreach (var point in points)
        {
            GuidBytes.Write(point.Id, id);
            insert.BindBlob(2, id);
            insert.BindBlob(4, MemoryMarshal.AsBytes(point.Vector.AsSpan()));
            insert.BindText(5, point.PayloadJson ?? PayloadJson.Serialize(point.Payload));
            insert.Execute();
            if (untomb is not null)
            {
                untomb.BindBlob(2, id);
                untomb.Execute();
            }
        }

        return seq;
    }

    /// <summary>Deletes the points that exist and leaves tombstones for them; returns the sequence number used, or
    /// null when none of the ids existed (nothing changed, so no sequence number is taken).</summary>
    public static long? Delete(SqliteConnection connection, SqliteTransaction transaction, CollectionEntry entry, IReadOnlyCollection<Guid> ids, int tombstoneLimit)
    {
        var deleted = new List<Guid>();
        using (var delete = new RawStatement(connection, "DELETE FROM points WHERE collection_id = ?1 AND point_id = ?2"))
        {
            delete.Bind(1, entry.Id);
            Span<byte> blob = stackalloc byte[16];
            foreach (var id in ids)
            {
                GuidBytes.Write(id, blob);
                delete.BindBlob(2, blob);
                delete.Execute();
                if (delete.Changes() > 0)
                {
                    deleted.Add(id);
                }
            }
        }

        if (deleted.Count == 0)
        {
            return null;
        }

        var (seq, tombstones) = NextSeq(connection, transaction, entry.Id);
        if (tombstones + deleted.Count > tombstoneLimit)
        {
            // Prune: processes that applied everything up to this write's sequence number need no tombstone; the
            // others see horizon > their sequence number and reload the collection in full.
            Sql.Execute(connection, transaction, "DELETE FROM tombstones WHERE collection_id = $collection", ("$collection", entry.Id));
            Sql.Execute(
                connection,
                transaction,
                "UPDATE collections SET horizon = $seq, tombstone_count = 0 WHERE id = $collection",
                ("$seq", seq),
                ("$collection", entry.Id));
            return seq;
        }

        using (var tomb = new RawStatement(
            connection,
            "INSERT INTO tombstones (collection_id, point_id, seq) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET seq = excluded.seq"))
        {
            tomb.Bind(1, entry.Id);
            tomb.Bind(3, seq);
            Span<byte> blob = stackalloc byte[16];
            foreach (var id in deleted)
            {
                GuidBytes.Write(id, blob);
                tomb.BindBlob(2, blob);
                tomb.Execute();
            }
        }

        Sql.Execute(
            connection,
            transaction,
            "UPDATE collections SET tombstone_count = tombstone_count + $count WHERE id = $collection",
            ("$count", deleted.Count),
            ("$collection", entry.Id));
        return seq;
    }

    /// <summary>The collection's sequence number and pruning horizon, or null when it no longer exists.</summary>
    public static (long Seq, long Horizon)? Position(SqliteConnection connection, SqliteTransaction transaction, long collectionId)
    {
        using var command = Sql.Command(connection, transaction, "SELECT seq, horizon FROM collections WHERE id = $id", ("$id", collectionId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    /// <summary>Reads every point of the collection into a new table, straight from SQLite's row into the slab.</summary>
    public static PointTable LoadAll(SqliteConnection connection, SqliteTransaction transaction, long collectionId, VectorCollectionDefinition definition)
    {
        var table = new PointTable(definition.Dimension, definition.Quantization == VectorQuantization.Int8);
        table.EnsureCapacity((int)Sql.Scalar<long>(connection, transaction, "SELECT count(*) FROM points WHERE collection_id = $id", ("$id", collectionId)));
        using var select = new RawStatement(connection, $"SELECT {Columns} FROM points WHERE collection_id = ?1 ORDER BY seq");
        select.Bind(1, collectionId);
        ReadRows(select, definition.Dimension, table.Upsert);
        return table;
    }

    /// <summary>The points written and deleted after <paramref name="afterSeq"/>, up to <paramref name="seq"/>.</summary>
    public static PointChanges ReadChanges(SqliteConnection connection, long collectionId, int dimension, long afterSeq, long seq)
    {
        var upserts = new List<StoredPoint>();
        using (var select = new RawStatement(connection, $"SELECT {Columns} FROM points WHERE collection_id = ?1 AND seq > ?2 ORDER BY seq"))
        {
            select.Bind(1, collectionId);
            select.Bind(2, afterSeq);
            ReadRows(select, dimension, (id, vector, payload) => upserts.Add(new StoredPoint(id, vector.ToArray(), payload)));
        }

        var deletes = new List<Guid>();
        using (var select = new RawStatement(connection, "SELECT point_id FROM tombstones WHERE collection_id = ?1 AND seq > ?2"))
        {
            select.Bind(1, collectionId);
            select.Bind(2, afterSeq);
            while (select.Step())
            {
                deletes.Add(GuidBytes.FromBlob(select.Bytes(0)));
            }
        }

        return new PointChanges(seq, upserts, deletes);
    }

    private static void ReadRows(RawStatement select, int dimension, PointVisitor visit)
    {
        var scratch = Array.Empty<byte>();
        while (select.Step())
        {
            var id = select.Bytes(0);
            var vector = select.Bytes(1);
            if (id.Length != 16 || vector.Length != dimension * sizeof(float))
            {
                throw new VectorStoreException(
                    VectorStoreErrorKind.Unavailable, "A stored point has an id or vector of the wrong size; the database is damaged.");
            }

            var payload = PayloadJson.Parse(select.Bytes(2), ref scratch);
            visit(GuidBytes.FromBlob(id), MemoryMarshal.Cast<byte, float>(vector), payload);
        }
    }

    private static (long Seq, long Tombstones) NextSeq(SqliteConnection connection, SqliteTransaction transaction, long collectionId)
    {
        using var command = Sql.Command(
            connection, transaction, "UPDATE collections SET seq = seq + 1 WHERE id = $id RETURNING seq, tombstone_count", ("$id", collectionId));
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private delegate void PointVisitor(Guid id, ReadOnlySpan<float> vector, IReadOnlyDictionary<string, object> payload);
}

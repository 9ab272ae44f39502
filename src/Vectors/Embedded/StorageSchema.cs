using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Embedded;

/// <summary>
/// The tables of the database file. Every write to a collection takes the collection's next sequence number
/// (<c>collections.seq</c>, bumped inside the write transaction, so numbers commit in order) and stamps the points it
/// writes with it; a deleted point leaves a tombstone with its sequence number. A process catches up on another's
/// writes by reading the rows and tombstones above the last sequence number it applied. <c>horizon</c> is the
/// sequence number at which tombstones were last pruned: a process behind it reloads the collection in full.
/// Collection ids are never reused, so a collection deleted and re-created under the same name is a new collection.
/// </summary>
internal static class StorageSchema
{
    public const int Version = 1;

    private const string Tables = """
        CREATE TABLE collections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            dimension INTEGER NOT NULL,
            distance TEXT NOT NULL,
            quantization TEXT NOT NULL,
            indexed_fields TEXT NOT NULL,
            seq INTEGER NOT NULL DEFAULT 0,
            horizon INTEGER NOT NULL DEFAULT 0,
            tombstone_count INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE aliases (
            name TEXT PRIMARY KEY,
            collection_id INTEGER NOT NULL);
        -- A rowid table: rows are appended in write order, which keeps inserts and full loads sequential on disk.
        CREATE TABLE points (
            collection_id INTEGER NOT NULL,
            point_id BLOB NOT NULL,
            seq INTEGER NOT NULL,
            vector BLOB NOT NULL,
            payload TEXT NOT NULL);
        CREATE UNIQUE INDEX points_by_id ON points (collection_id, point_id);
        CREATE INDEX points_by_seq ON points (collection_id, seq);
        CREATE TABLE tombstones (
            collection_id INTEGER NOT NULL,
            point_id BLOB NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (collection_id, point_id)) WITHOUT ROWID;
        CREATE INDEX tombstones_by_seq ON tombstones (collection_id, seq);
        """;

    /// <summary>Creates the tables in a new file, or checks that an existing file has this version.</summary>
    public static void Apply(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        var version = Sql.Scalar<long>(connection, transaction, "PRAGMA user_version");
        if (version == 0)
        {
            using var create = Sql.Command(connection, transaction, Tables + $"\nPRAGMA user_version = {Version};");
            create.ExecuteNonQuery();
        }
        else if (version != Version)
        {
            throw new VectorStoreException(
                VectorStoreErrorKind.Unavailable,
                $"'{connection.DataSource}' has embedded store schema version {version}; this build reads version {Version}.");
        }

        transaction.Commit();
    }
}

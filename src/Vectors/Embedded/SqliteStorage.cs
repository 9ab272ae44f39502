using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Embedded;

/// <summary>
/// The database file and the store's connections to it. SQLite connections are not thread-safe, so each has a
/// lock: one connection writes (SQLite admits one writer per file anyway; other processes wait up to the busy
/// timeout), one reads small things (the catalog, <c>PRAGMA data_version</c>, incremental changes), and full loads of
/// a collection get a connection of their own so they do not hold up the reader.
/// WAL mode lets readers in every process run alongside the writer. Writes run in <c>BEGIN IMMEDIATE</c>
/// transactions and return only after COMMIT, so an acknowledged write is in the WAL file: it survives a killed
/// process with either durability mode, and power loss with <see cref="EmbeddedDurability.PowerLoss"/>.
/// </summary>
internal sealed class SqliteStorage : IDisposable
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly Lock _writeLock = new();
    private readonly Lock _readLock = new();
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private long _dataVersion = -1;

    public SqliteStorage(EmbeddedVectorStoreOptions options)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The embedded vector store stores floats little-endian and runs only on little-endian machines.");
        }

        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var busyMilliseconds = (long)options.BusyTimeout.TotalMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        var synchronous = options.Durability == EmbeddedDurability.PowerLoss ? "FULL" : "NORMAL";
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyMilliseconds}; PRAGMA synchronous = {synchronous};");
        DatabasePath = path;
        SqliteConnection? writer = null;
        try
        {
            writer = Open();

            // WAL is a property of the file: set once, every later connection (in any process) uses it.
            using (var wal = writer.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }

            StorageSchema.Apply(writer);
            _reader = Open();
        }
        catch (Exception ex)
        {
            writer?.Dispose();
            if (ex is SqliteException sqlite)
            {
                throw new VectorStoreException(VectorStoreErrorKind.Unavailable, $"Cannot open the embedded vector store '{path}': {sqlite.Message}", sqlite);
            }

            throw;
        }

        _writer = writer;
    }

    public string DatabasePath { get; }

    /// <summary>Runs <paramref name="work"/> in a write transaction and commits; a throw rolls everything back.</summary>
    public T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_writeLock)
        {
            return Guard(() =>
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                var result = work(_writer, transaction);
                transaction.Commit();
                return result;
            });
        }
    }

    /// <summary>Runs <paramref name="work"/> in a read transaction: one consistent snapshot of the file.</summary>
    public T Read<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        lock (_readLock)
        {
            return Guard(() => InReadTransaction(_reader, work));
        }
    }

    /// <summary>Like <see cref="Read{T}"/> on a connection of its own, for long reads.</summary>
    public T ReadAlone<T>(Func<SqliteConnection, SqliteTransaction, T> work) => Guard(() =>
    {
        using var connection = Open();
        return InReadTransaction(connection, work);
    });

    /// <summary>
    /// True when any connection (in this or another process) committed since the last call; the first call is true.
    /// <c>PRAGMA data_version</c> reads only the WAL index in shared memory, so this check before every operation is cheap.
    /// </summary>
    public bool Changed()
    {
        lock (_readLock)
        {
            return Guard(() =>
            {
                using var command = _reader.CreateCommand();
                command.CommandText = "PRAGMA data_version;";
                var version = (long)command.ExecuteScalar()!;
                var changed = version != _dataVersion;
                _dataVersion = version;
                return changed;
            });
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _writer.Dispose();
        }

        lock (_readLock)
        {
            _reader.Dispose();
        }
    }

    private static T InReadTransaction<T>(SqliteConnection connection, Func<SqliteConnection, SqliteTransaction, T> work)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>SQLite failures (busy past the timeout, I/O errors, a damaged file) are the store's fault, not the caller's.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException ex)
        {
            throw new VectorStoreException(VectorStoreErrorKind.Unavailable, $"The embedded vector store '{DatabasePath}' failed: {ex.Message}", ex);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}

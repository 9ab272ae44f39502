using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Baize.Vectors;
using Microsoft.Data.Sqlite;

namespace Baize.Indexer.Items;

/// <summary>
/// Items, their metadata and status, and the jobs that brought them, in one SQLite database in WAL mode. Accepting an
/// upload commits with synchronous=FULL (it survives power loss); status changes with NORMAL (they survive a crash of
/// the process, and a status lost to power loss only makes an item be indexed again, which is idempotent). Several processes may share the file: the API writes uploads, the indexer
/// writes status. Every call opens a pooled connection, so the catalogue is safe to use from any thread.
/// </summary>
public sealed class ItemCatalog
{
    private const string ItemColumns = "id, sha256, kind, format, content_type, file_name, size, metadata, status, error, generation, index_state, created, updated";

    private readonly string _connectionString;

    public ItemCatalog(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS items (
                id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, kind TEXT NOT NULL, format TEXT NOT NULL, content_type TEXT NOT NULL,
                file_name TEXT, size INTEGER NOT NULL, metadata TEXT NOT NULL, status TEXT NOT NULL, error TEXT,
                generation INTEGER NOT NULL DEFAULT 1, index_state TEXT NOT NULL DEFAULT '{}', created TEXT NOT NULL, updated TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS items_status ON items (status);
            CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, item_id TEXT NOT NULL, created TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS metadata_fields (name TEXT PRIMARY KEY);
            """);
    }

    /// <summary>Records an accepted upload: a new item, or the existing item with the same content re-queued with the
    /// new metadata; plus a job for this upload. One transaction.</summary>
    public async Task<(ItemRecord Item, JobRecord Job)> AcceptAsync(NewItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = ContentIdentity.ItemId(item.Sha256);
        var job = new JobRecord(Guid.NewGuid(), id, DateTimeOffset.UtcNow);
        await using var connection = Open(durable: true);
        await using var transaction = connection.BeginTransaction();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO items (id, sha256, kind, format, content_type, file_name, size, metadata, status, created, updated)
                VALUES ($id, $sha, $kind, $format, $type, $name, $size, $metadata, $status, $now, $now)
                ON CONFLICT (id) DO UPDATE SET metadata = excluded.metadata, file_name = excluded.file_name,
                    content_type = excluded.content_type, status = excluded.status, error = NULL, updated = excluded.updated,
                    generation = items.generation + 1;
                INSERT INTO jobs (id, item_id, created) VALUES ($job, $id, $now);
                """;
            command.Parameters.AddWithValue("$id", Key(id));
            command.Parameters.AddWithValue("$sha", item.Sha256);
            command.Parameters.AddWithValue("$kind", item.Kind.ToString());
            command.Parameters.AddWithValue("$format", item.Format);
            command.Parameters.AddWithValue("$type", item.ContentType);
            command.Parameters.AddWithValue("$name", (object?)item.FileName ?? DBNull.Value);
            command.Parameters.AddWithValue("$size", item.Size);
            command.Parameters.AddWithValue("$metadata", ToJson(item.Metadata));
            command.Parameters.AddWithValue("$status", ItemStatus.Queued.ToString());
            command.Parameters.AddWithValue("$now", Timestamp(job.Created));
            command.Parameters.AddWithValue("$job", Key(job.Id));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var field in item.Metadata.Keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT OR IGNORE INTO metadata_fields (name) VALUES ($name)";
            command.Parameters.AddWithValue("$name", field);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var stored = await GetItemAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Item {id} vanished while being accepted.");
        return (stored, job);
    }

    public async Task<ItemRecord?> GetItemAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ItemColumns} FROM items WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadItem(reader) : null;
    }

    public async Task<JobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, item_id, created FROM jobs WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new JobRecord(Guid.Parse(reader.GetString(0)), Guid.Parse(reader.GetString(1)), ParseTimestamp(reader.GetString(2)))
            : null;
    }

    /// <summary>Moves an item to <paramref name="status"/>, and when <paramref name="index"/> is given records those
    /// modalities' encoder and point count (other modalities keep theirs). With <paramref name="generation"/>, only
    /// while the item is still at that generation (not uploaded again meanwhile). False when nothing was updated.</summary>
    public async Task<bool> SetStatusAsync(
        Guid id,
        ItemStatus status,
        string? error = null,
        IReadOnlyDictionary<string, ModalityIndex>? index = null,
        long? generation = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE items SET status = $status, error = $error, updated = $now,
                index_state = CASE WHEN $index IS NULL THEN index_state ELSE json_patch(index_state, $index) END
            WHERE id = $id AND ($generation IS NULL OR generation = $generation)
            """;
        command.Parameters.AddWithValue("$id", Key(id));
        command.Parameters.AddWithValue("$generation", (object?)generation ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", status.ToString());
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", Timestamp(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$index", index is null ? DBNull.Value : JsonSerializer.Serialize(index, CatalogJsonContext.Default.IReadOnlyDictionaryStringModalityIndex));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Removes an item from the catalogue; its jobs stay and report it as deleted. False when there was none.</summary>
    public async Task<bool> DeleteItemAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM items WHERE id = $id";
        command.Parameters.AddWithValue("$id", Key(id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Items with one of <paramref name="statuses"/> (all items when none is given), in id order, streamed page by page.</summary>
    public async IAsyncEnumerable<ItemRecord> ListAsync(
        IReadOnlyCollection<ItemStatus>? statuses = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        const int pageSize = 256;
        var after = string.Empty;
        while (true)
        {
            var page = new List<ItemRecord>(pageSize);
            await using (var connection = Open())
            await using (var command = connection.CreateCommand())
            {
                var statusFilter = statuses is { Count: > 0 }
                    ? $" AND status IN ({string.Join(", ", statuses.Select(status => $"'{status}'"))})"
                    : string.Empty;
                command.CommandText = $"SELECT {ItemColumns} FROM items WHERE id > $after{statusFilter} ORDER BY id LIMIT {pageSize}";
                command.Parameters.AddWithValue("$after", after);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    page.Add(ReadItem(reader));
                }
            }

            foreach (var item in page)
            {
                yield return item;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = Key(page[^1].Id);
        }
    }

    /// <summary>How many items have this status.</summary>
    public async Task<long> CountAsync(ItemStatus status, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM items WHERE status = $status";
        command.Parameters.AddWithValue("$status", status.ToString());
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Every metadata field name any accepted item has used: the fields a search filter may name.</summary>
    public async Task<IReadOnlySet<string>> MetadataFieldsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM metadata_fields";
        var fields = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fields.Add(reader.GetString(0));
        }

        return fields;
    }

    private static string Key(Guid id) => id.ToString("D");

    private static string Timestamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string ToJson(IReadOnlyDictionary<string, object> metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Payload.WriteJson(writer, metadata);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ItemRecord ReadItem(SqliteDataReader reader)
    {
        using var metadata = JsonDocument.Parse(reader.GetString(7));
        return new ItemRecord(
            Id: Guid.Parse(reader.GetString(0)),
            Sha256: reader.GetString(1),
            Kind: Enum.Parse<ItemKind>(reader.GetString(2)),
            Format: reader.GetString(3),
            ContentType: reader.GetString(4),
            FileName: reader.IsDBNull(5) ? null : reader.GetString(5),
            Size: reader.GetInt64(6),
            Metadata: Payload.FromJson(metadata.RootElement),
            Status: Enum.Parse<ItemStatus>(reader.GetString(8)),
            Error: reader.IsDBNull(9) ? null : reader.GetString(9),
            Generation: reader.GetInt64(10),
            Index: JsonSerializer.Deserialize(reader.GetString(11), CatalogJsonContext.Default.IReadOnlyDictionaryStringModalityIndex) ?? new Dictionary<string, ModalityIndex>(),
            Created: ParseTimestamp(reader.GetString(12)),
            Updated: ParseTimestamp(reader.GetString(13)));
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open(bool durable = false)
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, durable ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
        return connection;
    }
}

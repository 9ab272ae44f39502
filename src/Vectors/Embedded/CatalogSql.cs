using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Embedded;

/// <summary>Reads and changes collections and aliases. Every change runs inside the caller's write transaction, so it
/// sees the latest state of every process and commits atomically (an alias switch is one UPSERT).</summary>
internal static class CatalogSql
{
    private const string EntryColumns = "id, name, dimension, distance, quantization, indexed_fields, seq";

    public static CatalogSnapshot Read(SqliteConnection connection, SqliteTransaction transaction)
    {
        var collections = new List<CollectionEntry>();
        using (var command = Sql.Command(connection, transaction, $"SELECT {EntryColumns} FROM collections"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                collections.Add(ReadEntry(reader));
            }
        }

        var aliases = new List<KeyValuePair<string, string>>();
        using (var command = Sql.Command(connection, transaction, "SELECT a.name, c.name FROM aliases a JOIN collections c ON c.id = a.collection_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                aliases.Add(new(reader.GetString(0), reader.GetString(1)));
            }
        }

        return new CatalogSnapshot(collections, aliases);
    }

    /// <summary>The collection called <paramref name="name"/>, or the one an alias of that name points at.</summary>
    public static CollectionEntry? Resolve(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        using var command = Sql.Command(
            connection,
            transaction,
            $"""
            SELECT {EntryColumns} FROM collections
            WHERE name = $name OR id = (SELECT collection_id FROM aliases WHERE name = $name)
            ORDER BY name = $name DESC LIMIT 1
            """,
            ("$name", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    }

    public static CollectionEntry Ensure(SqliteConnection connection, SqliteTransaction transaction, string name, VectorCollectionDefinition definition)
    {
        if (Resolve(connection, transaction, name) is { } existing)
        {
            var have = existing.Definition;
            if (have.Dimension != definition.Dimension || have.Distance != definition.Distance)
            {
                throw new VectorStoreException(
                    VectorStoreErrorKind.Conflict,
                    $"Collection '{existing.Name}' exists with dimension {have.Dimension} and distance {have.Distance}; asked for dimension {definition.Dimension} and distance {definition.Distance}.");
            }

            return existing;
        }

        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO collections (name, dimension, distance, quantization, indexed_fields) VALUES ($name, $dimension, $distance, $quantization, $fields)",
            ("$name", name),
            ("$dimension", definition.Dimension),
            ("$distance", definition.Distance.ToString()),
            ("$quantization", definition.Quantization.ToString()),
            ("$fields", IndexedFieldsJson(definition.IndexedFields ?? [])));
        return Resolve(connection, transaction, name)!;
    }

    /// <summary>Deletes the collection (by name or alias) with its points and every alias pointing at it.</summary>
    public static bool Delete(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        if (Resolve(connection, transaction, name) is not { } entry)
        {
            return false;
        }

        foreach (var table in new[] { "points", "tombstones", "aliases" })
        {
            Sql.Execute(connection, transaction, $"DELETE FROM {table} WHERE collection_id = $id", ("$id", entry.Id));
        }

        Sql.Execute(connection, transaction, "DELETE FROM collections WHERE id = $id", ("$id", entry.Id));
        return true;
    }

    public static void SwitchAlias(SqliteConnection connection, SqliteTransaction transaction, string alias, string collection)
    {
        if (Sql.Scalar<long>(connection, transaction, "SELECT count(*) FROM collections WHERE name = $name", ("$name", alias)) > 0)
        {
            throw new VectorStoreException(VectorStoreErrorKind.Conflict, $"'{alias}' is the name of a collection, so it cannot be an alias.");
        }

        using var find = Sql.Command(connection, transaction, "SELECT id FROM collections WHERE name = $name", ("$name", collection));
        var target = find.ExecuteScalar() as long?
            ?? throw new VectorStoreException(VectorStoreErrorKind.NotFound, $"Alias '{alias}' cannot point at '{collection}': no collection has that name.");
        Sql.Execute(
            connection,
            transaction,
            "INSERT INTO aliases (name, collection_id) VALUES ($alias, $id) ON CONFLICT (name) DO UPDATE SET collection_id = excluded.collection_id",
            ("$alias", alias),
            ("$id", target));
    }

    public static void DeleteAlias(SqliteConnection connection, SqliteTransaction transaction, string alias) =>
        Sql.Execute(connection, transaction, "DELETE FROM aliases WHERE name = $alias", ("$alias", alias));

    private static CollectionEntry ReadEntry(SqliteDataReader reader)
    {
        var definition = new VectorCollectionDefinition(
            reader.GetInt32(2),
            Enum.Parse<DistanceFunction>(reader.GetString(3)),
            Enum.Parse<VectorQuantization>(reader.GetString(4)),
            ParseIndexedFields(reader.GetString(5)));
        return new CollectionEntry(reader.GetInt64(0), reader.GetString(1), definition, reader.GetInt64(6));
    }

    private static string IndexedFieldsJson(IReadOnlyList<PayloadIndex> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var field in fields)
            {
                writer.WriteStartObject();
                writer.WriteString("field", field.Field);
                writer.WriteString("kind", field.Kind.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static PayloadIndex[] ParseIndexedFields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => new PayloadIndex(
            e.GetProperty("field").GetString()!,
            Enum.Parse<PayloadFieldKind>(e.GetProperty("kind").GetString()!)))];
    }
}

using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Embedded;

/// <summary>Small helpers for parameterised commands inside a transaction.</summary>
internal static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string text, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, SqliteTransaction transaction, string text, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteNonQuery();
    }

    public static T Scalar<T>(SqliteConnection connection, SqliteTransaction transaction, string text, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}

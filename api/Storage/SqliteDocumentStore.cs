using Microsoft.Data.Sqlite;

namespace CarbonDerivatives.Api.Storage;

/// <summary>
/// Documents in an embedded SQLite file. Each write is one transaction in WAL mode with
/// synchronous=FULL: committed before the call returns, atomic if the process dies mid-write (SQLite
/// rolls back an uncommitted transaction when the file is next opened).
/// </summary>
public sealed class SqliteDocumentStore : IDocumentStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <param name="path">The database file (created with its folder when missing).</param>
    /// <param name="time">Stamps each saved document (saved_utc); the system clock when null.</param>
    public SqliteDocumentStore(string path, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS documents (
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                body BLOB NOT NULL,
                saved_utc TEXT NOT NULL,
                PRIMARY KEY (kind, id)
            ) WITHOUT ROWID;
            """);
    }

    public void Put(string kind, string id, byte[] body)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = Command(connection, """
            INSERT INTO documents (kind, id, body, saved_utc) VALUES ($kind, $id, $body, $saved)
            ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, saved_utc = excluded.saved_utc;
            """, kind, id);
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$body", body);
        command.Parameters.AddWithValue("$saved", _time.GetUtcNow().UtcDateTime.ToString("O"));
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public byte[]? Get(string kind, string id)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT body FROM documents WHERE kind = $kind AND id = $id;", kind, id);
        return command.ExecuteScalar() as byte[];
    }

    public bool Delete(string kind, string id)
    {
        using var connection = Open();
        using var command = Command(connection, "DELETE FROM documents WHERE kind = $kind AND id = $id;", kind, id);
        return command.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<(string Id, byte[] Body)> All(string kind)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT id, body FROM documents WHERE kind = $kind ORDER BY id;", kind, null);
        using var reader = command.ExecuteReader();
        var documents = new List<(string, byte[])>();
        while (reader.Read()) documents.Add((reader.GetString(0), (byte[])reader[1]));
        return documents;
    }

    /// <summary>SQLite's own consistency check of the file: "ok" when sound.</summary>
    public string IntegrityCheck()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;");
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string kind, string? id)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$kind", kind);
        if (id is not null) command.Parameters.AddWithValue("$id", id);
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using Npgsql;
using NpgsqlTypes;

namespace CarbonDerivatives.Api.Storage;

/// <summary>
/// Documents in a PostgreSQL database shared by every node of a cluster (Npgsql). Each write is one statement in its
/// own transaction, committed (with PostgreSQL's default synchronous_commit, flushed to its WAL) before the call
/// returns; a write cut off mid-way is rolled back by the server, leaving the previous document. The same guarantees
/// as <see cref="SqliteDocumentStore"/>.
/// </summary>
public sealed class PostgresDocumentStore : IDocumentStore, IDisposable
{
    // Nodes starting together create the table under one lock: CREATE TABLE IF NOT EXISTS alone can race.
    private const long SchemaLock = 0x4341_5242_4F4E; // "CARBON"

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;

    /// <param name="connectionString">An Npgsql connection string to the database.</param>
    /// <param name="time">Stamps each saved document (saved_utc); the system clock when null.</param>
    public PostgresDocumentStore(string connectionString, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _source = NpgsqlDataSource.Create(connectionString);
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({SchemaLock});");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS documents (
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                body BYTEA NOT NULL,
                saved_utc TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (kind, id)
            );
            """);
        transaction.Commit();
    }

    public bool IsShared => true;

    public void Put(string kind, string id, byte[] body)
    {
        using var command = _source.CreateCommand("""
            INSERT INTO documents (kind, id, body, saved_utc) VALUES ($1, $2, $3, $4)
            ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, saved_utc = excluded.saved_utc;
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = body, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = _time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.ExecuteNonQuery();
    }

    public byte[]? Get(string kind, string id)
    {
        using var command = KindAndId("SELECT body FROM documents WHERE kind = $1 AND id = $2;", kind, id);
        return command.ExecuteScalar() as byte[];
    }

    public bool Delete(string kind, string id)
    {
        using var command = KindAndId("DELETE FROM documents WHERE kind = $1 AND id = $2;", kind, id);
        return command.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<(string Id, byte[] Body)> All(string kind)
    {
        using var command = _source.CreateCommand("SELECT id, body FROM documents WHERE kind = $1 ORDER BY id COLLATE \"C\";");
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        using var reader = command.ExecuteReader();
        var documents = new List<(string, byte[])>();
        while (reader.Read()) documents.Add((reader.GetString(0), (byte[])reader[1]));
        return documents;
    }

    public void Dispose() => _source.Dispose();

    private NpgsqlCommand KindAndId(string sql, string kind, string id)
    {
        var command = _source.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return command;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

using Npgsql;

namespace CarbonDerivatives.Api.Cluster;

/// <summary>
/// Creates Orleans' ADO.NET clustering tables and queries in the shared database when they are missing, from the
/// scripts Orleans publishes for PostgreSQL (embedded: Sql/PostgreSQL-Main.sql, Sql/PostgreSQL-Clustering.sql). Nodes
/// starting together take turns on an advisory lock, so the scripts run once.
/// </summary>
public static class OrleansPostgresSchema
{
    private const long SchemaLock = 0x4F52_4C45_414E; // "ORLEAN"

    public static void Ensure(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"SELECT pg_advisory_xact_lock({SchemaLock});");
        using (var exists = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL;", connection))
            if ((bool)exists.ExecuteScalar()!)
                return;
        Execute(connection, Script("PostgreSQL-Main.sql"));
        Execute(connection, Script("PostgreSQL-Clustering.sql"));
        transaction.Commit();
    }

    private static string Script(string name)
    {
        using var stream = typeof(OrleansPostgresSchema).Assembly.GetManifestResourceStream($"CarbonDerivatives.Api.Cluster.Sql.{name}")
            ?? throw new InvalidOperationException($"the embedded script {name} is missing");
        return new StreamReader(stream).ReadToEnd();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

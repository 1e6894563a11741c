using System.Data.Common;
using System.Globalization;
using DbUp;
using Npgsql;

namespace Parley.Storage;

/// <summary>
/// A store in a PostgreSQL database (its current schema). A database that already holds tables but
/// no <c>parley_store</c> marker is refused, so <c>--db</c> never adds Parley's tables to someone
/// else's database; migrations run under an advisory lock so that two processes starting at once
/// do not race.
/// </summary>
internal sealed class PostgresBackend : StoreBackend
{
    /// <summary>The advisory lock key held while migrating ("Parley" in ASCII).</summary>
    private const long MigrationLock = 0x506172_6C6579;

    private readonly NpgsqlDataSource dataSource;

    public PostgresBackend(StoreLocation location)
        : base(location) => dataSource = NpgsqlDataSource.Create(location.Target);

    public override string ForUpdate => " FOR UPDATE";

    public override string WhatToCheck => "the database URL";

    public override string? Absence()
    {
        // A database with other tables is left to Prepare, which says what it holds.
        using var connection = Open();
        var tables = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"), CultureInfo.InvariantCulture);
        return tables == 0 ? $"the database (schema {Scalar(connection, "SELECT current_schema()")}) is empty" : null;
    }

    public override void Prepare()
    {
        using var connection = Open();
        Execute(connection, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            var schema = (string)Scalar(connection, "SELECT current_schema()")!;
            var tables = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (tables.Count > 0 && !tables.Contains("parley_store"))
            {
                throw new StoreException($"{Location.Display} (schema {schema}) holds other tables ({string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", ..." : "")}) and no Parley store; nothing was written to it. Point --db at an empty database or an existing Parley store");
            }

            Upgrade(DeployChanges.To.PostgresqlDatabase(Location.Target, schema)
                .WithScripts(Scripts("Postgres"))
                .JournalToPostgresqlTable(schema, JournalTable)
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build());
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    public override DbConnection Open() => dataSource.OpenConnection();

    public override void Dispose() => dataSource.Dispose();

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

using System.Globalization;
using System.Reflection;
using Npgsql;
using Xunit.Sdk;

namespace Parley.Storage.Tests;

/// <summary>
/// A fresh, empty store location for one test: an SQLite file in a new temp folder, or a new
/// database on the PostgreSQL server that test.sh starts (named by <c>PARLEY_TEST_POSTGRES</c>).
/// Disposing it removes the folder or drops the database.
/// </summary>
internal sealed class TestStore : IDisposable
{
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? database;

    private TestStore(StoreLocation location, string? folder, string? database)
    {
        Location = location;
        this.folder = folder;
        this.database = database;
    }

    public StoreLocation Location { get; }

    /// <summary>The server's URL, or <c>null</c> when test.sh did not start one.</summary>
    public static string? PostgresUrl => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } url ? url : null;

    public static string? PostgresSkipReason => PostgresUrl is null
        ? $"{PostgresVariable} is not set: ./test.sh starts a PostgreSQL server and sets it; run the storage tests through ./test.sh (or set it to a postgres:// URL of a server you may create databases on)"
        : null;

    public static TestStore Create(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("parley-store-").FullName;
            return new TestStore(StoreLocation.Sqlite(Path.Combine(folder, "store.db")), folder, null);
        }

        var server = StoreLocation.Parse(PostgresUrl ?? throw new InvalidOperationException(PostgresSkipReason));
        var name = "parley_test_" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE DATABASE {name}");
        var builder = new NpgsqlConnectionStringBuilder(server.Target) { Database = name };
        var url = new Uri(PostgresUrl!);
        return new TestStore(StoreLocation.Parse(string.Create(CultureInfo.InvariantCulture, $"postgres://{url.UserInfo}@{builder.Host}:{builder.Port}/{name}")), null, name);
    }

    /// <summary>Runs <paramref name="sql"/> on the test database itself, bypassing the store.</summary>
    public void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> on the test database.</summary>
    public object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every row's first column of <paramref name="sql"/>, as text.</summary>
    public List<string> Column(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public void Dispose()
    {
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private System.Data.Common.DbConnection OpenRaw()
    {
        System.Data.Common.DbConnection connection = Location.Kind == StoreKind.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Location.Target};Pooling=False")
            : new NpgsqlConnection(Location.Target);
        connection.Open();
        return connection;
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(StoreLocation.Parse(PostgresUrl).Target);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>Runs a theory on an SQLite store.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteStoreAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Sqlite]];
}

/// <summary>Runs a theory on a PostgreSQL store; skipped, saying why, when test.sh started no server.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresStoreAttribute : DataAttribute
{
    public PostgresStoreAttribute()
    {
        Skip = TestStore.PostgresSkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Postgres]];
}

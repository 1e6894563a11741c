using System.Data.Common;
using System.Globalization;
using System.Text;
using DbUp;
using Microsoft.Data.Sqlite;

namespace Parley.Storage;

/// <summary>
/// A store in an SQLite file, in WAL mode (a crash never leaves a half-written transaction), marked
/// as Parley's by <c>PRAGMA application_id</c> so that <c>--db</c> pointed at another program's
/// file is refused instead of gaining Parley's tables.
/// </summary>
internal sealed class SqliteBackend : StoreBackend
{
    /// <summary>"Prly": the <c>application_id</c> in the header of every Parley SQLite store.</summary>
    public const int ApplicationId = 0x50726C79;

    /// <summary>The tables of the SMP stores earlier Parley versions wrote (no application id yet): adopted as Parley's.</summary>
    private static readonly HashSet<string> LegacyTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "ScenarioDesc", "ActorDescription", "DimensionDescription", "SpatialCapability", "SpatialSalience", "VectorPosition", "PosProb",
    };

    private readonly string connectionString;

    public SqliteBackend(StoreLocation location)
        : base(location)
    {
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = location.Target,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public override string ForUpdate => "";

    // Never disposed: a SemaphoreSlim holds no handle unless asked for one, and a job that outlives the store must not fail on it.
    public override SemaphoreSlim? WriteGate { get; } = new(1, 1);

    public override string WhatToCheck => "the path";

    public override string? Absence()
    {
        // A folder is left to Prepare, which refuses it as it would for any command.
        if (Directory.Exists(Location.Target))
        {
            return null;
        }

        var file = new FileInfo(Location.Target);
        return !file.Exists ? "the file does not exist"
            : file.Length == 0 ? "the file is empty"
            : null;
    }

    public override void Prepare()
    {
        var path = Location.Target;
        var fresh = CheckIsParleyOrEmpty(path);
        if (fresh)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            // WAL: a transaction is in the file whole or not at all, even after kill -9 or power loss.
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA journal_mode = WAL; PRAGMA application_id = {ApplicationId};");
            command.ExecuteNonQuery();
        }

        Upgrade(DeployChanges.To.SqliteDatabase(connectionString)
            .WithScripts(Scripts("Sqlite"))
            .JournalToSqliteTable(JournalTable)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build());
    }

    public override DbConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// <c>true</c> when <paramref name="path"/> is absent or empty (a new store), <c>false</c> when it
    /// is a Parley store; throws when it is anything else, before anything is written to it.
    /// </summary>
    private bool CheckIsParleyOrEmpty(string path)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (Directory.Exists(path))
            {
                throw Refuse("is a directory");
            }

            if (!file.Exists || file.Length == 0)
            {
                return true;
            }

            Span<byte> header = stackalloc byte[16];
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                    || !header.SequenceEqual("SQLite format 3\0"u8))
                {
                    throw Refuse("is not an SQLite database");
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new StoreException($"cannot open the store {path}: {error.Message.TrimEnd('.')}; give a readable file or a new file name", error);
        }

        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var connection = new SqliteConnection(readOnly);
            connection.Open();
            var applicationId = Convert.ToInt64(Scalar(connection, "PRAGMA application_id"), CultureInfo.InvariantCulture);
            if (applicationId == ApplicationId)
            {
                return false;
            }

            var tables = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            if (applicationId != 0)
            {
                throw Refuse(string.Create(CultureInfo.InvariantCulture, $"is the SQLite database of another program (application_id {applicationId:X8}, Parley's is {ApplicationId:X8})"));
            }

            if (tables.Count == 0 || tables.All(LegacyTables.Contains))
            {
                // Empty, or an SMP store of an earlier Parley: becomes a Parley store as it is.
                return tables.Count == 0;
            }

            throw Refuse($"is an SQLite database of another program (tables {Summarize(tables)})");
        }
        catch (SqliteException error)
        {
            throw new StoreException($"cannot open the store {path}: {error.Message.TrimEnd('.')}; give a Parley store or a new file name", error);
        }
    }

    private StoreException Refuse(string what) =>
        new($"{Location.Display} {what}, not a Parley store; nothing was written to it. Give --db a new file name (or an existing Parley store)");

    private static string Summarize(List<string> tables)
    {
        var text = new StringBuilder(string.Join(", ", tables.Take(5)));
        if (tables.Count > 5)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {tables.Count - 5} more");
        }

        return text.ToString();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

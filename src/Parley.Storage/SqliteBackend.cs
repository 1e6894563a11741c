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
    /// <summary>SQLite's result codes that Parley tells apart.</summary>
    private const int SqliteError = 1, ReadOnlyDatabase = 8, CantOpen = 14;

    /// <summary>"Prly": the <c>application_id</c> in the header of every Parley SQLite store.</summary>
    public const int ApplicationId = 0x50726C79;

    /// <summary>The tables of the SMP stores earlier Parley versions wrote (no application id yet): adopted as Parley's.</summary>
    private static readonly HashSet<string> LegacyTables = new(StringComparer.OrdinalIgnoreCase)
    {
        "ScenarioDesc", "ActorDescription", "DimensionDescription", "SpatialCapability", "SpatialSalience", "VectorPosition", "PosProb",
    };

    private readonly string connectionString;
    private readonly bool readOnly;

    /// <summary>Whether reads open the file as immutable: a WAL store in a folder the user cannot write (see <see cref="OpenReadOnly"/>).</summary>
    private bool immutable;

    /// <param name="location">The SQLite file.</param>
    /// <param name="readOnly">
    /// Open the file read-only for reading (commands that only read a store): a store the user cannot
    /// write (a colleague's, a read-only mount) is read as it is, and nothing is written unless a
    /// migration is due.
    /// </param>
    public SqliteBackend(StoreLocation location, bool readOnly = false)
        : base(location)
    {
        this.readOnly = readOnly;
        connectionString = ConnectionString(location.Target, readOnly ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadWriteCreate);
    }

    public override bool IsReadOnly => readOnly;

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
        if (readOnly)
        {
            if (fresh)
            {
                throw new StoreException(
                    $"there is no Parley store at {Location.Display}: the file is an empty SQLite database; check the path (--db), or record a run with --save to create the store");
            }

            if (IsUpToDate())
            {
                // Nothing to write: the store is read as it is, even where the user cannot write.
                return;
            }
        }

        try
        {
            if (fresh)
            {
                CreateFolder(path);
            }

            using (var connection = OpenForWriting())
            using (var command = connection.CreateCommand())
            {
                // WAL: a transaction is in the file whole or not at all, even after kill -9 or power loss.
                command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA journal_mode = WAL; PRAGMA application_id = {ApplicationId};");
                command.ExecuteNonQuery();
            }
        }
        catch (SqliteException error)
        {
            throw new StoreException(WhyNotWritable(error, readOnly ? "it was written by an earlier Parley and must be brought up to date first" : null), error);
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
        if (readOnly)
        {
            return OpenReadOnly();
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override DbConnection OpenForWriting()
    {
        if (!readOnly)
        {
            return Open();
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override string? Explain(DbException error) =>
        error is SqliteException { SqliteErrorCode: ReadOnlyDatabase or CantOpen } sqlite ? WhyNotWritable(sqlite) : null;

    /// <summary>
    /// Why the store cannot be written, for a writer whose open or first write failed with <paramref name="error"/>:
    /// a read-only file or folder, a path through a file, a folder that takes no files.
    /// </summary>
    private string WhyNotWritable(SqliteException error, string? because = null)
    {
        var path = Path.GetFullPath(Location.Target);
        var display = Location.Display;
        if (BlockingFile(path) is { } file)
        {
            return $"cannot use the store {display}: {file} is a file, not a folder; give --db a path in a folder";
        }

        var why = because is null ? "" : $" ({because})";
        if (File.Exists(path) && !CanWrite(() => new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose()))
        {
            return $"the store {display} is read-only (permission denied){why}: you may read it (runs, scenarios list/history/show/diff, score --run), but recording needs write access to the file and its folder; ask its owner, or copy it (cp {display} mine.db) and give --db mine.db";
        }

        var folder = Path.GetDirectoryName(path) ?? path;
        if (!CanWrite(() => File.Create(Path.Combine(folder, $".parley-{Guid.NewGuid():N}.tmp"), 1, FileOptions.DeleteOnClose).Dispose()))
        {
            return File.Exists(path)
                ? $"the store {display} is read-only (permission denied: its folder {folder} cannot be written, and SQLite keeps its journal beside the file){why}: you may read it (runs, scenarios list/history/show/diff, score --run); to record, ask its owner, or copy it (cp {display} mine.db) and give --db mine.db"
                : $"cannot create the store {display}: the folder {folder} does not take new files (permission denied or a system folder); give --db a path in a folder you can write";
        }

        return $"cannot use the store {display}: SQLite cannot open it ({error.Message.TrimEnd('.')}){why}; give --db a Parley store or a new file name in a folder you can write";
    }

    private static string ConnectionString(string dataSource, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = dataSource,
        Mode = mode,
        Pooling = false,
        ForeignKeys = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>SQLite's URI for <paramref name="path"/> read as an immutable file (no locks, no -shm file).</summary>
    private static string ImmutableUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1";

    /// <summary>Whether every migration is already applied (read through the read-only connection).</summary>
    private bool IsUpToDate()
    {
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT ScriptName FROM {JournalTable}";
            using var reader = command.ExecuteReader();
            var applied = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }

            return Scripts("Sqlite").All(script => applied.Contains(script.Name));
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SqliteError)
        {
            return false; // no journal yet: an SMP file of an earlier Parley, adopted by the upgrade
        }
    }

    /// <summary>Creates the folder of a new store, saying what stands in the way instead of quoting .NET.</summary>
    private void CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (BlockingFile(full) is { } file)
        {
            throw new StoreException($"cannot create the store {Location.Display}: {file} is a file, not a folder; give --db a path in a folder");
        }

        var folder = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot create the store {Location.Display}: the folder {folder} cannot be created (permission denied or a read-only or system folder); give --db a path in a folder you can write", error);
        }
    }

    /// <summary>The nearest existing ancestor of <paramref name="path"/> when it is a file (so no folder can be made there), else <c>null</c>.</summary>
    private static string? BlockingFile(string path)
    {
        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(folder))
            {
                return null;
            }

            if (File.Exists(folder))
            {
                return folder;
            }
        }

        return null;
    }

    private static bool CanWrite(Action attempt)
    {
        try
        {
            attempt();
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
        catch (UnauthorizedAccessException error)
        {
            throw new StoreException($"cannot read the store {path}: permission denied; ask its owner for read access, or give --db another store", error);
        }
        catch (Exception error) when (error is IOException or ArgumentException or NotSupportedException)
        {
            throw new StoreException($"cannot open the store {path}: {error.Message.TrimEnd('.')}; give a readable file or a new file name", error);
        }

        try
        {
            using var connection = OpenReadOnly();
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

    /// <summary>
    /// A read-only connection to the store, immutable when it needs to be: a WAL store in a folder the user cannot
    /// write cannot be read without its -shm file (SQLITE_READONLY or SQLITE_CANTOPEN) until the file is declared
    /// immutable; no writer is at work on it, or its -shm file would be there. Once needed, it stays so.
    /// </summary>
    private SqliteConnection OpenReadOnly()
    {
        var connection = new SqliteConnection(ConnectionString(immutable ? ImmutableUri(Location.Target) : Location.Target, SqliteOpenMode.ReadOnly));
        try
        {
            connection.Open();
            Scalar(connection, "SELECT COUNT(*) FROM sqlite_master");
            return connection;
        }
        catch (SqliteException error) when (!immutable && error.SqliteErrorCode is CantOpen or ReadOnlyDatabase)
        {
            connection.Dispose();
            immutable = true;
            return OpenReadOnly();
        }
        catch
        {
            connection.Dispose();
            throw;
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

using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Storage;

/// <summary>
/// A Parley store: every recorded run (request, scenario version, status, times, result document),
/// the versions of every scenario, and the KTAB-style SMP tables, in an SQLite file or a PostgreSQL
/// database with one schema (migrations applied on <see cref="Open"/>). Nothing is overwritten: a
/// scenario version never changes, a finished run never changes, and the database refuses either.
/// Safe to use from several threads: each operation takes its own connection.
/// </summary>
public sealed class ParleyStore : IDisposable
{
    private const string VersionColumns =
        "v.id, s.name, v.version, p.version, v.hash, v.file_name, v.format, v.message, v.created_at, v.content, v.canonical";

    private const string VersionTables =
        "scenario_versions v JOIN scenarios s ON s.id = v.scenario_id LEFT JOIN scenario_versions p ON p.id = v.parent_id";

    private const string RunColumns =
        "r.id, r.command, s.name, v.version, r.scenario_hash, r.models, r.status, r.started_at, r.finished_at";

    private const string RunTables =
        "runs r JOIN scenario_versions v ON v.id = r.scenario_version_id JOIN scenarios s ON s.id = v.scenario_id";

    private readonly StoreBackend backend;
    private readonly TimeProvider clock;

    private ParleyStore(StoreBackend backend, TimeProvider clock)
    {
        this.backend = backend;
        this.clock = clock;
    }

    /// <summary>The version of Parley recorded with each run (the assemblies' informational version).</summary>
    public static string ParleyVersion { get; } =
        typeof(ParleyStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ParleyStore).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Where the store lives.</summary>
    public StoreLocation Location => backend.Location;

    /// <summary>How many unfinished runs <see cref="Open"/> marked failed because their process had ended.</summary>
    public int RecoveredRuns { get; private set; }

    /// <summary>
    /// Opens the store at <paramref name="location"/> for a command that reads it: as <see cref="Open"/>, but the
    /// store must already exist (an SQLite file, or a PostgreSQL database holding Parley's tables), so that a
    /// mistyped <c>--db</c> is reported rather than made into a new, empty store.
    /// </summary>
    /// <exception cref="StoreException">There is no store at <paramref name="location"/> (nothing is created), or as for <see cref="Open"/>.</exception>
    public static ParleyStore OpenExisting(StoreLocation location, TimeProvider? clock = null) => OpenAt(location, clock, existing: true);

    /// <summary>
    /// Opens the store at <paramref name="location"/>, creating it if the file or database is new
    /// and applying every migration it lacks; then marks failed the runs whose recording process
    /// ended before they finished.
    /// </summary>
    /// <exception cref="StoreException">The location holds something other than a Parley store (nothing is written to it), or cannot be reached.</exception>
    public static ParleyStore Open(StoreLocation location, TimeProvider? clock = null) => OpenAt(location, clock, existing: false);

    private static ParleyStore OpenAt(StoreLocation location, TimeProvider? clock, bool existing)
    {
        ArgumentNullException.ThrowIfNull(location);
        // A command that only reads opens an SQLite store read-only, so that a store the user cannot write is still read.
        StoreBackend backend = location.Kind == StoreKind.Postgres ? new PostgresBackend(location) : new SqliteBackend(location, readOnly: existing);
        var store = new ParleyStore(backend, clock ?? TimeProvider.System);
        try
        {
            store.Guard(() =>
            {
                if (existing && backend.Absence() is { } absence)
                {
                    throw new StoreException(
                        $"there is no Parley store at {location.Display}: {absence}; check {backend.WhatToCheck} (--db), or record a run with --save to create the store");
                }

                backend.Prepare();
                store.RecoveredRuns = store.MarkAbandonedRunsFailed();
                return 0;
            });
            return store;
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => backend.Dispose();

    /// <summary>
    /// Saves <paramref name="snapshot"/> as a new version of its scenario (parent: the latest), unless
    /// the latest version holds exactly the same file (same text and hash): then that version is returned.
    /// </summary>
    public ScenarioSave SaveScenario(ScenarioSnapshot snapshot, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return InTransaction((connection, transaction) => SaveVersion(connection, transaction, snapshot, message));
    }

    /// <summary>Every scenario in the store, by name.</summary>
    public IReadOnlyList<ScenarioSummary> ListScenarios() => Query(
        """
        SELECT s.name, COUNT(*), MAX(v.version),
               (SELECT l.hash FROM scenario_versions l WHERE l.scenario_id = s.id ORDER BY l.version DESC LIMIT 1),
               MAX(v.created_at),
               (SELECT COUNT(*) FROM runs r JOIN scenario_versions rv ON rv.id = r.scenario_version_id WHERE rv.scenario_id = s.id)
        FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id
        GROUP BY s.id, s.name ORDER BY s.name
        """,
        [],
        reader => new ScenarioSummary(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
            reader.GetString(3), ProcessIdentity.Parse(reader.GetString(4)), Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)));

    /// <summary>Every version of the scenario <paramref name="name"/>, oldest first; empty when there is none.</summary>
    public IReadOnlyList<ScenarioVersion> History(string name) => Query(
        $"SELECT {VersionColumns} FROM {VersionTables} WHERE s.name = @name ORDER BY v.version",
        [("@name", name)],
        ReadVersion);

    /// <summary>Version <paramref name="version"/> of scenario <paramref name="name"/> (the latest when <c>null</c>), or <c>null</c>.</summary>
    public ScenarioVersion? FindVersion(string name, int? version = null) => Query(
        version is null
            ? $"SELECT {VersionColumns} FROM {VersionTables} WHERE s.name = @name ORDER BY v.version DESC LIMIT 1"
            : $"SELECT {VersionColumns} FROM {VersionTables} WHERE s.name = @name AND v.version = @version",
        version is null ? [("@name", name)] : [("@name", name), ("@version", version.Value)],
        ReadVersion).FirstOrDefault();

    /// <summary>
    /// Records the start of a run: saves its scenario (a new version if it changed) and adds the run
    /// as <see cref="RunStatus.Running"/>, committed before the run starts. Returns the run's id.
    /// </summary>
    public long StartRun(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return InTransaction((connection, transaction) =>
        {
            var versionId = request.VersionId ?? SaveVersion(connection, transaction, request.Scenario, null).Version.Id;
            using var command = Command(connection, transaction,
                """
                INSERT INTO runs (command, scenario_version_id, scenario_hash, models, options, arguments, seed, parley_version,
                                  status, started_at, owner_host, owner_pid, owner_started_at)
                VALUES (@command, @version, @hash, @models, @options, @arguments, @seed, @parley, 'running', @started, @host, @pid, @owner)
                RETURNING id
                """,
                ("@command", request.Command), ("@version", versionId), ("@hash", request.Scenario.Hash),
                ("@models", string.Join(",", request.Models)), ("@options", JsonSerializer.Serialize(request.Options)),
                ("@arguments", JsonSerializer.Serialize(request.Arguments)),
                ("@seed", request.Seed?.ToString(CultureInfo.InvariantCulture)), ("@parley", ParleyVersion),
                ("@started", Now()), ("@host", ProcessIdentity.Host), ("@pid", ProcessIdentity.ProcessId),
                ("@owner", ProcessIdentity.Format(ProcessIdentity.StartedAt)));
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Marks run <paramref name="id"/> completed with its result document, in one transaction.</summary>
    /// <exception cref="StoreException">The run does not exist or is no longer running.</exception>
    public void CompleteRun(long id, string result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Finish(id, RunStatus.Completed, null, result);
    }

    /// <summary>Marks run <paramref name="id"/> failed or cancelled, saying why.</summary>
    /// <exception cref="ArgumentException"><paramref name="status"/> is not <see cref="RunStatus.Failed"/> or <see cref="RunStatus.Cancelled"/>.</exception>
    public void EndRun(long id, RunStatus status, string reason)
    {
        if (status is not (RunStatus.Failed or RunStatus.Cancelled))
        {
            throw new ArgumentException("A run ends failed or cancelled; use CompleteRun for a result.", nameof(status));
        }

        Finish(id, status, reason, null);
    }

    /// <summary>
    /// The newest <paramref name="limit"/> runs, newest first, optionally of one scenario (and of one
    /// <paramref name="version"/> of it: 1, 2, ...).
    /// </summary>
    public IReadOnlyList<RunSummary> ListRuns(int limit = 50, string? scenario = null, int? version = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Query(
            $"SELECT {RunColumns} FROM {RunTables} WHERE (@scenario = '' OR s.name = @scenario) AND (@version = 0 OR v.version = @version) ORDER BY r.id DESC LIMIT @limit",
            [("@scenario", scenario ?? ""), ("@version", version ?? 0), ("@limit", limit)],
            ReadRunSummary);
    }

    /// <summary>Everything recorded about run <paramref name="id"/>, or <c>null</c> when there is no such run.</summary>
    public StoredRun? FindRun(long id) => Query(
        $"SELECT {RunColumns}, r.arguments, r.options, r.seed, r.parley_version, r.error, r.result, r.result_hash FROM {RunTables} WHERE r.id = @id",
        [("@id", id)],
        reader => new StoredRun(
            ReadRunSummary(reader),
            JsonSerializer.Deserialize<ImmutableArray<string>>(reader.GetString(9)),
            JsonSerializer.Deserialize<ImmutableSortedDictionary<string, string>>(reader.GetString(10))!.WithComparers(StringComparer.Ordinal),
            reader.IsDBNull(11) ? null : ulong.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
            reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13),
            reader.IsDBNull(14) ? null : reader.GetString(14),
            reader.IsDBNull(15) ? null : reader.GetString(15))).FirstOrDefault();

    /// <summary>The scenario version run <paramref name="id"/> used, or <c>null</c> when there is no such run.</summary>
    public ScenarioVersion? FindRunScenario(long id) => Query(
        $"SELECT {VersionColumns} FROM {VersionTables} JOIN runs r ON r.scenario_version_id = v.id WHERE r.id = @id",
        [("@id", id)],
        ReadVersion).FirstOrDefault();

    /// <summary>
    /// Appends an SMP run to the KTAB-style tables (<see cref="SmpDatabase"/>) in one transaction and
    /// returns its <c>ScenarioId</c> (<c>scenario#n</c>).
    /// </summary>
    public string RecordSmpRun(Scenario scenario, ModelResult result) =>
        InTransaction((connection, transaction) => SmpDatabase.Write(connection, transaction, scenario, result));

    private int MarkAbandonedRunsFailed()
    {
        var running = Query(
            "SELECT id, owner_pid, owner_started_at FROM runs WHERE status = 'running' AND owner_host = @host",
            [("@host", ProcessIdentity.Host)],
            reader => (Id: reader.GetInt64(0), Pid: Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Started: ProcessIdentity.Parse(reader.GetString(2))));
        var marked = 0;
        foreach (var run in running.Where(r => !ProcessIdentity.IsAlive(r.Pid, r.Started)))
        {
            if (backend.IsReadOnly && !CanWrite())
            {
                // A store the user may only read is read as it is: its abandoned runs are marked by the next writer.
                break;
            }

            marked += InTransaction((connection, transaction) =>
            {
                using var command = Command(connection, transaction,
                    "UPDATE runs SET status = 'failed', finished_at = @now, error = @error WHERE id = @id AND status = 'running'",
                    ("@now", Now()), ("@id", run.Id),
                    ("@error", string.Create(CultureInfo.InvariantCulture, $"the process that ran it (pid {run.Pid} on {ProcessIdentity.Host}) ended before it finished")));
                return command.ExecuteNonQuery();
            });
        }

        return marked;
    }

    /// <summary>Whether a write transaction can be opened (a read-only store's file or folder may forbid it).</summary>
    private bool CanWrite()
    {
        try
        {
            using var connection = backend.OpenForWriting();
            using var transaction = connection.BeginTransaction();
            using var command = Command(connection, transaction, "UPDATE runs SET status = status WHERE 0 = 1");
            command.ExecuteNonQuery();
            transaction.Rollback();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private void Finish(long id, RunStatus status, string? error, string? result)
    {
        var updated = InTransaction((connection, transaction) =>
        {
            using var command = Command(connection, transaction,
                """
                UPDATE runs SET status = @status, finished_at = @now, error = @error, result = @result, result_hash = @hash
                WHERE id = @id AND status = 'running'
                """,
                ("@status", StatusName(status)), ("@now", Now()), ("@error", error), ("@result", result),
                ("@hash", result is null ? null : ScenarioCanonicalForm.HashOf(result)), ("@id", id));
            return command.ExecuteNonQuery();
        });
        if (updated != 1)
        {
            throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"run {id} is not running in {Location.Display}; a finished run is never changed"));
        }
    }

    private ScenarioSave SaveVersion(DbConnection connection, DbTransaction transaction, ScenarioSnapshot snapshot, string? message)
    {
        using (var insert = Command(connection, transaction,
            "INSERT INTO scenarios (name, created_at) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING",
            ("@name", snapshot.Name), ("@now", Now())))
        {
            insert.ExecuteNonQuery();
        }

        long scenarioId;
        using (var select = Command(connection, transaction, "SELECT id FROM scenarios WHERE name = @name" + backend.ForUpdate, ("@name", snapshot.Name)))
        {
            scenarioId = Convert.ToInt64(select.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        ScenarioVersion? latest;
        using (var select = Command(connection, transaction,
            $"SELECT {VersionColumns} FROM {VersionTables} WHERE v.scenario_id = @scenario ORDER BY v.version DESC LIMIT 1", ("@scenario", scenarioId)))
        using (var reader = select.ExecuteReader())
        {
            latest = reader.Read() ? ReadVersion(reader) : null;
        }

        if (latest is not null && latest.Hash == snapshot.Hash && latest.Content == snapshot.Content)
        {
            return new ScenarioSave(latest, Created: false);
        }

        var now = clock.GetUtcNow();
        var number = (latest?.Version ?? 0) + 1;
        using var command = Command(connection, transaction,
            """
            INSERT INTO scenario_versions (scenario_id, version, parent_id, hash, canonical, content, file_name, format, message, created_at)
            VALUES (@scenario, @version, @parent, @hash, @canonical, @content, @file, @format, @message, @now)
            RETURNING id
            """,
            ("@scenario", scenarioId), ("@version", number), ("@parent", latest?.Id), ("@hash", snapshot.Hash),
            ("@canonical", snapshot.Canonical), ("@content", snapshot.Content), ("@file", snapshot.FileName),
            ("@format", snapshot.Format), ("@message", message), ("@now", ProcessIdentity.Format(now)));
        var id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new ScenarioSave(
            new ScenarioVersion(id, snapshot.Name, number, latest?.Version, snapshot.Hash, snapshot.FileName, snapshot.Format, message,
                ProcessIdentity.Parse(ProcessIdentity.Format(now)), snapshot.Content, snapshot.Canonical),
            Created: true);
    }

    private static ScenarioVersion ReadVersion(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        reader.IsDBNull(3) ? null : Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        ProcessIdentity.Parse(reader.GetString(8)),
        reader.GetString(9),
        reader.GetString(10));

    private static RunSummary ReadRunSummary(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture),
        reader.GetString(4),
        [.. reader.GetString(5).Split(',', StringSplitOptions.RemoveEmptyEntries)],
        ParseStatus(reader.GetString(6)),
        ProcessIdentity.Parse(reader.GetString(7)),
        reader.IsDBNull(8) ? null : ProcessIdentity.Parse(reader.GetString(8)));

    /// <summary>The name a status has in the database and in output: <c>running</c>, <c>completed</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public static string StatusName(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Completed => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown run status"),
    };

    private static RunStatus ParseStatus(string name) =>
        Enum.GetValues<RunStatus>().First(status => StatusName(status) == name);

    private string Now() => ProcessIdentity.Format(clock.GetUtcNow());

    private List<T> Query<T>(string sql, (string Name, object? Value)[] parameters, Func<DbDataReader, T> read) => Guard(() =>
    {
        using var connection = backend.Open();
        using var command = Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    });

    private T InTransaction<T>(Func<DbConnection, DbTransaction, T> work) => Guard(() =>
    {
        var gate = backend.WriteGate;
        gate?.Wait();
        try
        {
            using var connection = backend.OpenForWriting();
            using var transaction = connection.BeginTransaction();
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            gate?.Release();
        }
    });

    /// <summary>Turns a database's error into a <see cref="StoreException"/> that names the store.</summary>
    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DbException error) when (backend.Explain(error) is { } explained)
        {
            throw new StoreException(explained, error);
        }
        catch (DbException error)
        {
            throw new StoreException($"the store {Location.Display} failed: {error.Message.TrimEnd('.')}", error);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new StoreException($"cannot use the store {Location.Display}: {error.Message.TrimEnd('.')}", error);
        }
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

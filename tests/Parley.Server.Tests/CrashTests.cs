using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Parley.Storage;
using Parley.Tests.Shared;
using Xunit.Abstractions;

namespace Parley.Server.Tests;

/// <summary>
/// Crash safety: <c>parley serve</c> runs as its own process, 20 runs are started, the process is
/// killed (SIGKILL) while they are being written, and a new server opens the same store: it opens,
/// every completed run is intact (its document hashes to its recorded hash), the unfinished ones are
/// marked failed at start-up, and none is left half written. On SQLite (WAL) and PostgreSQL.
/// </summary>
[Collection(RealServerCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Runs = 20;

    /// <summary>
    /// Completed runs to see before the kill. All 20 work at once and share the cores, so the kill comes
    /// once the smallest few (1,000 to 25,000 draws) are stored while the 15 others still work.
    /// </summary>
    private const int CompletedBeforeKill = 5;
    private const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    [Fact]
    public async Task KilledWhileWriting_Sqlite_CompletedRunsIntact_UnfinishedMarkedFailed()
    {
        var folder = Directory.CreateTempSubdirectory("parley-crash-").FullName;
        try
        {
            var database = Path.Combine(folder, "store.db");
            await KillAndRecover(database);
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [PostgresFact]
    public async Task KilledWhileWriting_Postgres_CompletedRunsIntact_UnfinishedMarkedFailed()
    {
        var admin = StoreLocation.Parse(Environment.GetEnvironmentVariable(PostgresVariable));
        var name = "parley_crash_" + Guid.NewGuid().ToString("N")[..16];
        Admin(admin, $"CREATE DATABASE {name}");
        try
        {
            var server = new Uri(Environment.GetEnvironmentVariable(PostgresVariable)!);
            await KillAndRecover(string.Create(CultureInfo.InvariantCulture, $"postgres://{server.UserInfo}@{server.Host}:{server.Port}/{name}"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Admin(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private async Task KillAndRecover(string database)
    {
        using var first = ServeProcess.Start(database);
        using var client = new HttpClient { BaseAddress = await first.Address(), Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; i < Runs; i++)
        {
            // From 1,000 to 400,000 draws (times PARLEY_PROPERTY_SCALE): runs end one after another, so the kill lands while
            // some are being completed and others work.
            var started = await Api.Post(client, "/runs/montecarlo", new { Draws = TestSize.Cases(1000) * (i + 1) * (i + 1), Models = "compromise" });
            Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        }

        JsonArray before;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        do
        {
            await Task.Delay(20);
            before = (await client.GetFromJsonAsync<JsonArray>("/runs?limit=100"))!;
        }
        while (before.Count(r => (string?)r!["status"] == "completed") < CompletedBeforeKill && DateTime.UtcNow < deadline);

        first.Kill();
        var completedBefore = before.Where(r => (string?)r!["status"] == "completed").Select(r => (long)r!["id"]!).ToHashSet();

        using var second = ServeProcess.Start(database);
        using var after = new HttpClient { BaseAddress = await second.Address(), Timeout = TimeSpan.FromSeconds(60) };
        var runs = (await after.GetFromJsonAsync<JsonArray>("/runs?limit=100"))!;
        Assert.Equal(Runs, runs.Count);
        var completed = 0;
        var failed = 0;
        foreach (var run in runs)
        {
            var id = (long)run!["id"]!;
            var shown = (await after.GetFromJsonAsync<JsonNode>($"/runs/{id}"))!;
            switch ((string?)shown["status"])
            {
                case "completed":
                    completed++;
                    var document = await after.GetStringAsync($"/runs/{id}/result");
                    Assert.Equal((string?)shown["result_hash"], Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document))));
                    Assert.NotNull(JsonNode.Parse(document)!["issues"]);
                    break;
                case "failed":
                    failed++;
                    Assert.Contains("ended before it finished", (string?)shown["error"], StringComparison.Ordinal);
                    Assert.Null(shown["result_hash"]);
                    Assert.DoesNotContain(id, completedBefore);
                    break;
                default:
                    Assert.Fail($"run {id} is {(string?)shown["status"]} after the restart");
                    break;
            }
        }

        Assert.True(completed >= completedBefore.Count);
        Assert.True(failed > 0, "the kill came after every run had finished; nothing was tested");
        Assert.Contains("were marked failed", second.Errors, StringComparison.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"crash ({(database.StartsWith("postgres", StringComparison.Ordinal) ? "PostgreSQL" : "SQLite")}): {Runs} runs started, killed with SIGKILL after {completedBefore.Count} were seen completed; after the restart {completed} completed (intact), {failed} marked failed, 0 running or half written"));
    }

    private static void Admin(StoreLocation server, string sql)
    {
        using var connection = new NpgsqlConnection(server.Target);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary><c>dotnet parley.dll serve --port 0</c> as a child process.</summary>
    private sealed class ServeProcess : IDisposable
    {
        private readonly Process process;
        private readonly TaskCompletionSource<Uri> address = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly StringBuilder errors = new();

        private ServeProcess(Process process) => this.process = process;

        public string Errors
        {
            get
            {
                lock (errors)
                {
                    return errors.ToString();
                }
            }
        }

        public static ServeProcess Start(string database)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { Repository.Cli, "serve", "--port", "0", "--db", database, "--jobs", Runs.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(argument);
            }

            var serve = new ServeProcess(Process.Start(info)!);
            serve.process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } text && text.Contains(" serving http://", StringComparison.Ordinal))
                {
                    var url = text[(text.IndexOf("http://", StringComparison.Ordinal))..].Split(' ')[0];
                    serve.address.TrySetResult(new Uri(url));
                }
            };
            serve.process.ErrorDataReceived += (_, line) =>
            {
                lock (serve.errors)
                {
                    serve.errors.AppendLine(line.Data);
                }
            };
            serve.process.BeginOutputReadLine();
            serve.process.BeginErrorReadLine();
            return serve;
        }

        public async Task<Uri> Address()
        {
            var ready = await Task.WhenAny(address.Task, Task.Delay(TimeSpan.FromSeconds(60)));
            return ready == address.Task ? address.Task.Result : throw new TimeoutException($"parley serve did not start: {Errors}");
        }

        /// <summary>SIGKILL: no shutdown code runs.</summary>
        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}

/// <summary>A fact that needs the PostgreSQL server ./test.sh starts; skipped, saying why, without it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("PARLEY_TEST_POSTGRES")))
        {
            Skip = "PARLEY_TEST_POSTGRES is not set: ./test.sh starts a PostgreSQL server and sets it; run the server tests through ./test.sh (or set it to a postgres:// URL of a server you may create databases on)";
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Parley.Cli.Tests;

/// <summary><c>--save</c>, <c>parley runs</c> and <c>parley scenarios</c> through the real entry point, on SQLite stores.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-store-cli-").FullName;

    private string Db => Path.Combine(folder, "store.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void ForecastSaveJson_StoresExactlyThePrintedDocument()
    {
        var (exitCode, output, error) = CliRunner.Run("forecast", "--model", "compromise,smp", "--seed", "3", "--save", "--db", Db, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal($"Saved run 1 in {Db} (parley runs show 1){Environment.NewLine}", error);
        var (showExit, stored, _) = CliRunner.Run("runs", "show", "1", "--result", "--db", Db);
        Assert.Equal(0, showExit);
        Assert.Equal(output, stored);
    }

    [Fact]
    public void ForecastSave_Tables_RecordTheRoundsAsJsonWould()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--model", "smp", "--save", "--db", Db);
        var (_, json, _) = CliRunner.Run("forecast", "--model", "smp", "--json");

        Assert.Equal(0, exitCode);
        Assert.EndsWith($"Saved run 1 in {Db} (parley runs show 1){Environment.NewLine}", output, StringComparison.Ordinal);
        Assert.Equal(json, CliRunner.Run("runs", "show", "1", "--result", "--db", Db).Output);
    }

    [Fact]
    public void WhatIfSave_StoresThePrintedDocumentAndRerunsByteIdentical()
    {
        var (exitCode, output, error) = CliRunner.Run("whatif", "--model", "compromise,eum", "--set", "usa.ceasefire.position=20", "--remove-actor", "ukr", "--save", "--db", Db, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal($"Saved run 1 in {Db} (parley runs show 1){Environment.NewLine}", error);
        Assert.Equal(output, CliRunner.Run("runs", "show", "1", "--result", "--db", Db).Output);
        var shown = CliRunner.Run("runs", "show", "1", "--db", Db).Output;

        // No file was given: the command is shown as typed, and the stored scenario as the built-in one.
        Assert.Contains("command          parley whatif --model compromise,eum --set usa.ceasefire.position=20 --remove-actor ukr" + Environment.NewLine, shown, StringComparison.Ordinal);
        Assert.Contains("scenario         alaska-2025@1 (yaml, the built-in scenario alaska-2025.yaml)", shown, StringComparison.Ordinal);

        var (rerunExit, rerun, _) = CliRunner.Run("runs", "rerun", "1", "--db", Db);

        Assert.Equal(0, rerunExit);
        Assert.StartsWith("Reran run 1 (whatif alaska-2025@1", rerun, StringComparison.Ordinal);
        Assert.Contains("byte-identical", rerun, StringComparison.Ordinal);
    }

    [Fact]
    public void Rerun_OfAServerReportRun_SaysItCannot_InsteadOfAnOptionError()
    {
        using (var store = Parley.Storage.ParleyStore.Open(Parley.Storage.StoreLocation.Sqlite(Db)))
        {
            var text = Parley.Application.BuiltInScenarios.AlaskaText();
            var scenario = Parley.Formats.ScenarioFiles.ReadText(text, "alaska-2025.yaml", null).Scenario!;
            var request = new Parley.Storage.RunRequest("report", ["--model", "compromise"], ["compromise"], System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, 0, new Parley.Storage.ScenarioSnapshot(scenario, text, "alaska-2025.yaml", "yaml"));
            store.CompleteRun(store.StartRun(request), "<!doctype html>");
        }

        var (exitCode, _, error) = CliRunner.Run("runs", "rerun", "1", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("parley: run 1 is a report run, which 'runs rerun' cannot replay", error, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs", "list")]
    [InlineData("runs", "show", "1")]
    [InlineData("runs", "diff", "1", "2")]
    [InlineData("runs", "rerun", "1")]
    [InlineData("runs", "rerun", "1", "--save")]
    [InlineData("scenarios", "list")]
    [InlineData("scenarios", "history", "alaska-2025")]
    [InlineData("scenarios", "show", "alaska-2025@1")]
    [InlineData("scenarios", "diff", "alaska-2025@1", "2")]
    [InlineData("score", "--run", "1")]
    [InlineData("score", "--stored")]
    public void ReadingCommands_StoreThatDoesNotExist_ExitTwoAndCreateNothing(params string[] command)
    {
        var typo = Path.Combine(folder, "stroe.db");

        var (exitCode, output, error) = CliRunner.Run([.. command, "--db", typo]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Equal($"parley: there is no Parley store at {typo}: the file does not exist; check the path (--db), or record a run with --save to create the store{Environment.NewLine}", error);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void ReadingCommands_EmptyFile_IsNoStoreAndStaysEmpty()
    {
        var empty = Path.Combine(folder, "empty.db");
        File.WriteAllBytes(empty, []);

        var (exitCode, _, error) = CliRunner.Run("runs", "list", "--db", empty);

        Assert.Equal(2, exitCode);
        Assert.Contains($"there is no Parley store at {empty}: the file is empty", error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(empty).Length);
        Assert.Single(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void ForecastSave_BuiltInScenarioWithoutAFile_IsMarked_AndAGivenFileIsNot()
    {
        var scenario = Path.Combine(folder, "alaska-2025.yaml");
        File.Copy(AlaskaPath(), scenario);
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "compromise", "--save", "--db", Db).ExitCode);
        Assert.Equal(0, CliRunner.Run("forecast", scenario, "--model", "compromise", "--save", "--db", Db).ExitCode);

        var builtIn = CliRunner.Run("runs", "show", "1", "--db", Db).Output;
        var given = CliRunner.Run("runs", "show", "2", "--db", Db).Output;
        var rerun = CliRunner.Run("runs", "rerun", "1", "--db", Db);

        Assert.Contains("command          parley forecast --model compromise" + Environment.NewLine, builtIn, StringComparison.Ordinal);
        Assert.Contains("scenario=built-in", builtIn, StringComparison.Ordinal);
        Assert.Contains("command          parley forecast alaska-2025.yaml --model compromise" + Environment.NewLine, given, StringComparison.Ordinal);
        Assert.DoesNotContain("built-in", given, StringComparison.Ordinal);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Contains("byte-identical", rerun.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIfSave_BadEdit_RecordsNothing()
    {
        var (exitCode, _, error) = CliRunner.Run("whatif", "--set", "nobody.ceasefire.position=20", "--save", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.Contains("nobody", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void WhatIfSave_WithOverlayFile_IsRefusedBeforeAnythingIsRecorded()
    {
        var overlay = Path.Combine(folder, "edits.yaml");
        File.WriteAllText(overlay, "set:\n  usa.ceasefire.position: 20\n");

        var (exitCode, _, error) = CliRunner.Run("whatif", "--overlay", overlay, "--save", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.Equal("parley: --save cannot keep an --overlay file; give its edits with --set, --remove-actor and --add-stage so the stored run can be rerun" + Environment.NewLine, error);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void RunsShowAndRerun_WhatIfWithAnOverlay_SayTheOverlayCannotBeReplayed()
    {
        // The server records a what-if's overlay text among the options, with no argument that gives it.
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "compromise", "--save", "--db", Db).ExitCode);
        using (var store = Parley.Storage.ParleyStore.Open(Parley.Storage.StoreLocation.Sqlite(Db)))
        {
            var version = store.FindVersion("alaska-2025")!;
            var snapshot = new Parley.Storage.ScenarioSnapshot(version.ToScenario(), version.Content, version.FileName, version.Format);
            var options = System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("model", "compromise").Add("overlay", "remove_actors: [uk]\n");
            var id = store.StartRun(new Parley.Storage.RunRequest("whatif", ["--model", "compromise"], ["compromise"], options, null, snapshot) { VersionId = version.Id });
            store.CompleteRun(id, "{}\n");
        }

        var shown = CliRunner.Run("runs", "show", "2", "--db", Db);
        var rerun = CliRunner.Run("runs", "rerun", "2", "--db", Db);

        Assert.Contains("command          parley whatif alaska-2025.yaml --model compromise (this run used an overlay; rerun cannot replay it", shown.Output, StringComparison.Ordinal);
        Assert.Equal(2, rerun.ExitCode);
        Assert.StartsWith("parley: run 2 cannot be rerun: this run used an overlay; rerun cannot replay it", rerun.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no edits given", rerun.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("overlay", CliRunner.Run("runs", "show", "1", "--db", Db).Output.Split('\n')[2], StringComparison.Ordinal);
    }

    [Fact]
    public void RunsShow_SaysHowToReproduceTheRun()
    {
        var scenario = Path.Combine(folder, "summit.yaml");
        File.Copy(AlaskaPath(), scenario);
        Assert.Equal(0, CliRunner.Run("forecast", scenario, "--model", "eum", "--rounds", "4", "--save", "--db", Db).ExitCode);

        var (exitCode, output, _) = CliRunner.Run("runs", "show", "1", "--db", Db);

        Assert.Equal(0, exitCode);
        Assert.Contains("status           completed", output, StringComparison.Ordinal);
        Assert.Contains("command          parley forecast summit.yaml --model eum --rounds 4", output, StringComparison.Ordinal);
        Assert.Contains("scenario         alaska-2025@1 (yaml, summit.yaml)", output, StringComparison.Ordinal);
        Assert.Contains("options          blocs=as-written, model=eum, rounds=4, seed=0, stages=false, trace=false", output, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsRerun_ExchangeWithSeed_IsByteIdentical()
    {
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "exchange,smp", "--rex-p", "0.3", "--seed", "11", "--save", "--db", Db).ExitCode);

        var (exitCode, output, error) = CliRunner.Run("runs", "rerun", "1", "--db", Db);

        Assert.Equal("", error);
        Assert.Equal(0, exitCode);
        Assert.StartsWith("Reran run 1 (forecast alaska-2025@1, seed 11): byte-identical result (sha256 ", output, StringComparison.Ordinal);
        Assert.Single(ListRuns());
    }

    [Fact]
    public void RunsRerun_MonteCarloWithSave_RecordsASecondIdenticalRun()
    {
        Assert.Equal(0, CliRunner.Run("montecarlo", "--draws", "3000", "--seed", "5", "--threads", "2", "--save", "--db", Db).ExitCode);

        var (exitCode, output, _) = CliRunner.Run("runs", "rerun", "1", "--save", "--db", Db);

        Assert.Equal(0, exitCode);
        Assert.Contains("byte-identical", output, StringComparison.Ordinal);
        var runs = ListRuns();
        Assert.Equal(2, runs.Count);
        Assert.Equal(runs[0].GetProperty("scenario_sha256").GetString(), runs[1].GetProperty("scenario_sha256").GetString());
        Assert.Equal(CliRunner.Run("runs", "show", "1", "--result", "--db", Db).Output, CliRunner.Run("runs", "show", "2", "--result", "--db", Db).Output);
    }

    [Theory]
    [InlineData("influence", "--model", "compromise", "--no-search")]
    [InlineData("sensitivity", "--draws", "200", "--seed", "9")]
    public void RunsRerun_OtherSavedCommands_AreByteIdentical(params string[] command)
    {
        var (exitCode, json, _) = CliRunner.Run([.. command, "--save", "--db", Db, "--json"]);
        Assert.Equal(0, exitCode);

        var (rerunExit, output, _) = CliRunner.Run("runs", "rerun", "1", "--db", Db);

        Assert.Equal(0, rerunExit);
        Assert.StartsWith($"Reran run 1 ({command[0]} alaska-2025@1, seed ", output, StringComparison.Ordinal);
        Assert.Contains("byte-identical", output, StringComparison.Ordinal);
        Assert.Equal(json, CliRunner.Run("runs", "show", "1", "--result", "--db", Db).Output);
    }

    [Fact]
    public void RunsDiff_OfAnEditedScenario_ListsTheStanceAndTheForecastThatMoved()
    {
        var scenario = Path.Combine(folder, "summit.yaml");
        var text = File.ReadAllText(AlaskaPath());
        File.WriteAllText(scenario, text);
        Assert.Equal("", CliRunner.Run("forecast", scenario, "--model", "compromise", "--save", "--db", Db).Error);
        File.WriteAllText(scenario, text.Replace("  - actor: usa\n    issue: ceasefire\n    position: 80\n", "  - actor: usa\n    issue: ceasefire\n    position: 70\n", StringComparison.Ordinal));
        Assert.Equal("", CliRunner.Run("forecast", scenario, "--model", "compromise", "--save", "--db", Db).Error);

        var (exitCode, output, _) = CliRunner.Run("runs", "diff", "1", "2", "--db", Db);

        Assert.Equal(0, exitCode);
        Assert.Contains("run 1 (forecast alaska-2025@1) -> run 2 (forecast alaska-2025@2)", output, StringComparison.Ordinal);
        Assert.Contains("  ~ stance usa on ceasefire: position 80 -> 70", output, StringComparison.Ordinal);
        Assert.Contains("options: the same", output, StringComparison.Ordinal);
        Assert.Matches(@"  forecasts\[compromise\]\.issues\[ceasefire\]\.forecast: [0-9.]+ -> [0-9.]+ \(-[0-9.]+\)", output);
    }

    [Fact]
    public void Scenarios_SaveEditSave_KeepsBothVersionsAndDiffsThem()
    {
        var scenario = Path.Combine(folder, "summit.yaml");
        var text = File.ReadAllText(AlaskaPath());
        File.WriteAllText(scenario, text);

        var first = CliRunner.Run("scenarios", "save", scenario, "--db", Db, "-m", "as reported");
        var unchanged = CliRunner.Run("scenarios", "save", scenario, "--db", Db);
        File.WriteAllText(scenario, text.Replace("    salience: 0.8\n", "    salience: 0.9\n", StringComparison.Ordinal));
        var second = CliRunner.Run("scenarios", "save", scenario, "--db", Db);
        var diff = CliRunner.Run("scenarios", "diff", "alaska-2025@1", "2", "--db", Db);
        var json = CliRunner.Run("scenarios", "diff", "alaska-2025@1", "alaska-2025@2", "--db", Db, "--json");
        var history = CliRunner.Run("scenarios", "history", "alaska-2025", "--db", Db);

        Assert.StartsWith($"Saved alaska-2025@1 in {Db}, sha256 ", first.Output, StringComparison.Ordinal);
        Assert.StartsWith("Unchanged: alaska-2025@1 already holds this file", unchanged.Output, StringComparison.Ordinal);
        Assert.StartsWith($"Saved alaska-2025@2 (parent alaska-2025@1) in {Db}", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, diff.ExitCode);
        Assert.StartsWith("alaska-2025@1 -> alaska-2025@2: ", diff.Output, StringComparison.Ordinal);
        Assert.Contains("~ stance usa on ceasefire: salience 0.8 -> 0.9", diff.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Output);
        Assert.Contains(document.RootElement.GetProperty("changes").EnumerateArray(), change =>
            change.GetProperty("kind").GetString() == "changed" && change.GetProperty("part").GetString() == "stance"
            && change.GetProperty("subject").GetString() == "usa on ceasefire" && change.GetProperty("field").GetString() == "salience"
            && change.GetProperty("before").GetString() == "0.8" && change.GetProperty("after").GetString() == "0.9");
        Assert.Contains("as reported", history.Output, StringComparison.Ordinal);
        Assert.Equal(text, CliRunner.Run("scenarios", "show", "alaska-2025@1", "--db", Db).Output);
    }

    [Fact]
    public void ScenariosShow_FileWithAByteOrderMark_IsShownWithoutIt_AndIsTheSameVersionAsWithout()
    {
        // docs/storage.md: the store keeps text, so a byte-order mark is dropped; the same file without one adds nothing.
        var text = File.ReadAllBytes(AlaskaPath());
        var marked = Path.Combine(folder, "marked.yaml");
        var plain = Path.Combine(folder, "plain.yaml");
        File.WriteAllBytes(marked, [0xEF, 0xBB, 0xBF, .. text]);
        File.WriteAllBytes(plain, text);

        Assert.Equal(0, CliRunner.Run("scenarios", "save", marked, "--db", Db).ExitCode);
        var shown = CliRunner.Run("scenarios", "show", "alaska-2025", "--db", Db);
        var again = CliRunner.Run("scenarios", "save", plain, "--db", Db);

        Assert.Equal(System.Text.Encoding.UTF8.GetString(text), shown.Output);
        Assert.False(shown.Output.StartsWith('\uFEFF'));
        Assert.StartsWith("Unchanged: alaska-2025@1 already holds this file", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "runs", "show", "7" }, "parley: run 7 does not exist in {db}; 'parley runs list' shows the runs there")]
    [InlineData(new[] { "runs", "rerun", "7" }, "parley: run 7 does not exist in {db}; 'parley runs list' shows the runs there")]
    [InlineData(new[] { "scenarios", "show", "nope@1" }, "parley: no scenario 'nope' in {db}; 'parley scenarios list' shows the scenarios there")]
    [InlineData(new[] { "scenarios", "show", "alaska-2025@x" }, "parley: 'alaska-2025@x' is not a version; write ID@N with N = 1, 2, ... (or ID alone for the latest)")]
    [InlineData(new[] { "scenarios", "history", "nope" }, "parley: no scenario 'nope' in {db}; 'parley scenarios list' shows the scenarios there")]
    [InlineData(new[] { "runs", "list", "--limit", "0" }, "parley: --limit 0 is not allowed; use 1 to 100000")]
    public void StoreCommands_BadReference_ExitTwoWithAMessage(string[] args, string expected)
    {
        // A store with a scenario and no runs: reading commands refuse a store that does not exist.
        Assert.Equal(0, CliRunner.Run("scenarios", "save", AlaskaPath(), "--db", Db).ExitCode);

        var (exitCode, _, error) = CliRunner.Run([.. args, "--db", Db]);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected.Replace("{db}", Db, StringComparison.Ordinal) + Environment.NewLine, error);
    }

    [Fact]
    public void RunsList_ScenarioFilter_NamesTheScenarioOrVersionInsteadOfAnEmptyStore()
    {
        var scenario = Path.Combine(folder, "summit.yaml");
        var text = File.ReadAllText(AlaskaPath());
        File.WriteAllText(scenario, text);
        Assert.Equal(0, CliRunner.Run("forecast", scenario, "--model", "compromise", "--save", "--db", Db).ExitCode);
        File.WriteAllText(scenario, text.Replace("    salience: 0.8\n", "    salience: 0.9\n", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("scenarios", "save", scenario, "--db", Db).ExitCode);

        var nosuch = CliRunner.Run("runs", "list", "--scenario", "nosuch", "--db", Db);
        var first = CliRunner.Run("runs", "list", "--scenario", "alaska-2025@1", "--db", Db, "--json");
        var all = CliRunner.Run("runs", "list", "--scenario", "alaska-2025", "--db", Db, "--json");
        var second = CliRunner.Run("runs", "list", "--scenario", "alaska-2025@2", "--db", Db);
        var third = CliRunner.Run("runs", "list", "--scenario", "alaska-2025@3", "--db", Db);

        Assert.Equal(2, nosuch.ExitCode);
        Assert.Equal($"parley: no scenario 'nosuch' in {Db}; 'parley scenarios list' shows the scenarios there{Environment.NewLine}", nosuch.Error);
        Assert.Single(JsonDocument.Parse(first.Output).RootElement.EnumerateArray());
        Assert.Single(JsonDocument.Parse(all.Output).RootElement.EnumerateArray());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal($"No runs of scenario version alaska-2025@2 in {Db}; 'parley runs list' shows every run, 'parley scenarios list' the scenarios.{Environment.NewLine}", second.Output);
        Assert.Equal(2, third.ExitCode);
        Assert.Equal($"parley: alaska-2025 has no version 3; it has versions 1 to 2{Environment.NewLine}", third.Error);
    }

    [Fact]
    public void ForecastSave_IntoAnotherProgramsSqliteFile_ExitsTwoAndLeavesItByteForByte()
    {
        var path = Path.Combine(folder, "app.sqlite");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO accounts VALUES (1, 'ana');";
            command.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(path);

        foreach (var args in new[] { new[] { "forecast", "--model", "compromise", "--save" }, ["forecast", "--model", "smp"], ["runs", "list"], ["scenarios", "save"] })
        {
            var (exitCode, output, error) = CliRunner.Run([.. args, "--db", path]);

            Assert.Equal(2, exitCode);
            Assert.Contains($"{path} is an SQLite database of another program (tables accounts), not a Parley store; nothing was written to it.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(path));
        }
    }

    [Theory]
    [InlineData("postgres://ana:pw@localhost:5432/", "names no database")]
    [InlineData("", "--db is empty")]
    public void ForecastSave_BadDbValue_ExitsTwoAndSaysWhy(string db, string expected)
    {
        var (exitCode, _, error) = CliRunner.Run("forecast", "--model", "compromise", "--save", "--db", db);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw@", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forecast", "--model", "nash", "--save")]
    [InlineData("scenarios", "save")]
    public void Save_StorePathThroughAFile_SaysItIsAFileNotAFolder(params string[] command)
    {
        var file = Path.Combine(folder, "afile");
        File.WriteAllText(file, "not a folder");
        foreach (var db in new[] { Path.Combine(file, "x.db"), Path.Combine(file, "sub", "x.db") })
        {
            var (exitCode, _, error) = CliRunner.Run([.. command, "--db", db]);

            Assert.Equal(2, exitCode);
            Assert.Equal($"parley: cannot create the store {db}: {file} is a file, not a folder; give --db a path in a folder{Environment.NewLine}", error);
            Assert.Equal("not a folder", File.ReadAllText(file));
        }
    }

    [LinuxFact]
    public void Save_StoreInAFolderThatTakesNoFiles_SaysSoWithoutQuotingSqlite()
    {
        var (exitCode, _, error) = CliRunner.Run("forecast", "--model", "nash", "--save", "--db", "/proc/parley-test.db");

        Assert.Equal(2, exitCode);
        Assert.Equal($"parley: cannot create the store /proc/parley-test.db: the folder /proc does not take new files (permission denied or a system folder); give --db a path in a folder you can write{Environment.NewLine}", error);
    }

    [Theory]
    [InlineData(":memory:")]
    [InlineData("file::memory:?cache=shared")]
    public void Save_InMemoryDatabase_IsRefused(string db)
    {
        foreach (var command in new[] { new[] { "forecast", "--model", "nash", "--save" }, ["runs", "list"] })
        {
            var (exitCode, _, error) = CliRunner.Run([.. command, "--db", db]);

            Assert.Equal(2, exitCode);
            Assert.StartsWith($"parley: --db '{db}' is SQLite's in-memory database, which is gone when Parley ends", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MonteCarlo_DbWithoutSave_ExitsTwo()
    {
        var (exitCode, _, error) = CliRunner.Run("montecarlo", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.Equal("parley: --db names the store that --save records the run in; add --save" + Environment.NewLine, error);
        Assert.False(File.Exists(Db));
    }

    /// <summary>
    /// Crash safety: a parley process killed with SIGKILL while its run is being recorded leaves a
    /// store that opens, keeps every completed run intact, and marks the unfinished one failed.
    /// </summary>
    [Fact]
    public void Store_ProcessKilledMidRun_ReopensWithCompletedRunsIntactAndTheUnfinishedOneFailed()
    {
        var (firstExit, firstDocument, _) = CliRunner.Run("forecast", "--model", "compromise,eum", "--save", "--db", Db, "--json");
        Assert.Equal(0, firstExit);

        // Killed as soon as its run is recorded as running; RunProcess also kills it should anything here throw.
        var exitedEarly = false;
        var running = 0;
        var (_, _, childError) = CliRunner.RunProcess(CliRunner.ProcessStart("montecarlo", "--draws", "5000000", "--threads", "1", "--save", "--db", Db, "--json"), child =>
        {
            var deadline = Stopwatch.StartNew();
            while (RunningRuns() == 0 && !child.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(50);
            }

            exitedEarly = child.HasExited;
            running = RunningRuns();
            if (!exitedEarly)
            {
                child.Kill(); // SIGKILL on Unix: no handler runs, nothing is flushed.
            }
        });

        Assert.False(exitedEarly, exitedEarly ? "the child finished before it could be killed: " + childError : "");
        Assert.Equal(1, running);

        var (exitCode, output, error) = CliRunner.Run("runs", "list", "--db", Db, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal($"parley: 1 unfinished run(s) in {Db} were marked failed: the process recording them had ended{Environment.NewLine}", error);
        using var runs = JsonDocument.Parse(output);
        Assert.Equal(["failed", "completed"], runs.RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(firstDocument, CliRunner.Run("runs", "show", "1", "--result", "--db", Db).Output);
        Assert.Contains("ended before it finished", CliRunner.Run("runs", "show", "2", "--db", Db).Output, StringComparison.Ordinal);
        Assert.Equal("", CliRunner.Run("runs", "list", "--db", Db).Error);
    }

    private int RunningRuns()
    {
        if (!File.Exists(Db))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={Db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM runs WHERE status = 'running'";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the store is still being created
        }
    }

    private List<JsonElement> ListRuns()
    {
        var (exitCode, output, _) = CliRunner.Run("runs", "list", "--db", Db, "--json");
        Assert.Equal(0, exitCode);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static string AlaskaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "alaska-2025.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("scenarios/alaska-2025.yaml not found above the test's folder");
    }
}

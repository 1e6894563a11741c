using System.Collections.Immutable;
using System.Diagnostics;
using Parley.Core.Domain;

namespace Parley.Storage.Tests;

/// <summary>The run store and scenario versions, against SQLite and PostgreSQL alike.</summary>
public sealed class RunStoreTests
{
    private static readonly ImmutableSortedDictionary<string, string> Options =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("model", "compromise"), KeyValuePair.Create("seed", "7")]);

    private static RunRequest Request(ScenarioSnapshot snapshot) =>
        new("forecast", ["--model", "compromise", "--seed", "7"], ["compromise"], Options, 7, snapshot);

    [Theory, SqliteStore, PostgresStore]
    public void Open_NewLocation_AppliesEveryMigrationOnce(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using (ParleyStore.Open(test.Location))
        {
        }

        using (ParleyStore.Open(test.Location))
        {
        }

        Assert.Equal(["0001_ktab_smp_tables.sql", "0002_run_store.sql"], test.Column("SELECT scriptname FROM parley_migrations ORDER BY scriptname"));
        Assert.Equal("parley", test.Scalar("SELECT value FROM parley_store WHERE key = 'application'"));
    }

    [Theory, SqliteStore, PostgresStore]
    public void Run_StartedAndCompleted_ReadsBackEveryField(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);
        var snapshot = TestScenarios.Snapshot(TestScenarios.AlaskaText);
        const string Result = "{\n  \"scenario\": \"alaska-2025\",\n  \"forecasts\": []\n}\n";

        var id = store.StartRun(Request(snapshot));
        var running = store.FindRun(id)!;
        store.CompleteRun(id, Result);
        var run = store.FindRun(id)!;

        Assert.Equal(RunStatus.Running, running.Summary.Status);
        Assert.Null(running.Summary.FinishedAt);
        Assert.Equal(RunStatus.Completed, run.Summary.Status);
        Assert.Equal("forecast", run.Summary.Command);
        Assert.Equal(snapshot.Name, run.Summary.ScenarioName);
        Assert.Equal(1, run.Summary.ScenarioVersion);
        Assert.Equal(snapshot.Hash, run.Summary.ScenarioHash);
        Assert.Equal(["compromise"], run.Summary.Models.AsEnumerable());
        Assert.Equal(["--model", "compromise", "--seed", "7"], run.Arguments.AsEnumerable());
        Assert.Equal(Options, run.Options);
        Assert.Equal(7UL, run.Seed);
        Assert.Equal(ParleyStore.ParleyVersion, run.ParleyVersion);
        Assert.Equal(Result, run.Result);
        Assert.Equal(ScenarioCanonicalForm.HashOf(Result), run.ResultHash);
        Assert.True(run.Summary.FinishedAt >= run.Summary.StartedAt);
        Assert.Equal(TestScenarios.AlaskaText, store.FindRunScenario(id)!.Content);
    }

    [Theory, SqliteStore, PostgresStore]
    public void Run_Finished_IsNeverChangedAgain(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);
        var id = store.StartRun(Request(TestScenarios.Snapshot(TestScenarios.AlaskaText)));
        store.CompleteRun(id, "{}");

        Assert.Throws<StoreException>(() => store.CompleteRun(id, "{\"other\": 1}"));
        Assert.Throws<StoreException>(() => store.EndRun(id, RunStatus.Failed, "late"));
        Assert.ThrowsAny<Exception>(() => test.Execute("UPDATE runs SET result = 'tampered'"));
        Assert.ThrowsAny<Exception>(() => test.Execute("DELETE FROM runs"));
        Assert.Equal("{}", store.FindRun(id)!.Result);
    }

    [Theory, SqliteStore, PostgresStore]
    public void Run_FailedAndCancelled_KeepTheirReason(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);
        var snapshot = TestScenarios.Snapshot(TestScenarios.AlaskaText);
        var failed = store.StartRun(Request(snapshot));
        var cancelled = store.StartRun(Request(snapshot));

        store.EndRun(failed, RunStatus.Failed, "the model threw");
        store.EndRun(cancelled, RunStatus.Cancelled, "cancelled (Ctrl-C)");

        Assert.Equal((RunStatus.Failed, "the model threw"), (store.FindRun(failed)!.Summary.Status, store.FindRun(failed)!.Error));
        Assert.Equal(RunStatus.Cancelled, store.FindRun(cancelled)!.Summary.Status);
        Assert.Null(store.FindRun(cancelled)!.Result);
        Assert.Equal([cancelled, failed], store.ListRuns().Select(r => r.Id));
        Assert.Null(store.FindRun(cancelled + 100));
    }

    [Theory, SqliteStore, PostgresStore]
    public void Open_RunOfAProcessThatDied_IsMarkedFailedAndCompletedRunsStayIntact(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        var snapshot = TestScenarios.Snapshot(TestScenarios.AlaskaText);
        long completed, abandoned, live;
        using (var store = ParleyStore.Open(test.Location))
        {
            completed = store.StartRun(Request(snapshot));
            store.CompleteRun(completed, "{\"done\": true}");
            abandoned = store.StartRun(Request(snapshot));
            live = store.StartRun(Request(snapshot));
        }

        // The abandoned run's recorder: a process that has already exited.
        using (var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            gone.WaitForExit();
            test.Execute($"UPDATE runs SET owner_pid = {gone.Id} WHERE id = {abandoned}");
        }

        using (var reopened = ParleyStore.Open(test.Location))
        {
            Assert.Equal(1, reopened.RecoveredRuns);
            var failed = reopened.FindRun(abandoned)!;
            Assert.Equal(RunStatus.Failed, failed.Summary.Status);
            Assert.Contains("ended before it finished", failed.Error, StringComparison.Ordinal);
            Assert.Equal(RunStatus.Running, reopened.FindRun(live)!.Summary.Status);
            Assert.Equal("{\"done\": true}", reopened.FindRun(completed)!.Result);
            reopened.CompleteRun(live, "{}");
        }
    }

    [Theory, SqliteStore, PostgresStore]
    public void SaveScenario_SameFileTwice_KeepsOneVersion(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);

        var first = store.SaveScenario(TestScenarios.Snapshot(TestScenarios.AlaskaText), "first");
        var again = store.SaveScenario(TestScenarios.Snapshot(TestScenarios.AlaskaText));

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Version.Id, again.Version.Id);
        Assert.Single(store.History("alaska-2025"));
        Assert.Equal("first", store.FindVersion("alaska-2025")!.Message);
    }

    [Theory, SqliteStore, PostgresStore]
    public void SaveScenario_EditedFile_AddsAVersionWithItsParentAndKeepsTheOld(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);
        var original = TestScenarios.AlaskaText;
        var edited = original.Replace("    position: 80\n    salience: 0.8\n", "    position: 75\n    salience: 0.8\n", StringComparison.Ordinal);
        var commentOnly = edited + "# a comment changes the file, not the scenario\n";
        Assert.NotEqual(original, edited);

        store.SaveScenario(TestScenarios.Snapshot(original));
        var second = store.SaveScenario(TestScenarios.Snapshot(edited), "usa softer on the ceasefire").Version;
        var third = store.SaveScenario(TestScenarios.Snapshot(commentOnly)).Version;
        var history = store.History("alaska-2025");

        Assert.Equal([1, 2, 3], history.Select(v => v.Version));
        Assert.Equal([null, 1, 2], history.Select(v => v.ParentVersion));
        Assert.Equal(original, history[0].Content);
        Assert.Equal(edited, store.FindVersion("alaska-2025", 2)!.Content);
        Assert.NotEqual(history[0].Hash, second.Hash);
        Assert.Equal(second.Hash, third.Hash);
        Assert.Equal(80, history[0].ToScenario().FindStance("usa", "ceasefire")!.Position);
        Assert.Equal(75, history[1].ToScenario().FindStance("usa", "ceasefire")!.Position);
        Assert.Null(store.FindVersion("alaska-2025", 4));
        Assert.ThrowsAny<Exception>(() => test.Execute("UPDATE scenario_versions SET content = 'tampered'"));
        Assert.ThrowsAny<Exception>(() => test.Execute("DELETE FROM scenario_versions"));

        var summary = Assert.Single(store.ListScenarios());
        Assert.Equal(("alaska-2025", 3, third.Hash, 0L), (summary.Name, summary.Versions, summary.LatestHash, summary.Runs));
    }

    [Theory, SqliteStore, PostgresStore]
    public void StartRun_OfAnEditedScenario_RecordsTheNewVersion(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);
        var edited = TestScenarios.AlaskaText.Replace("salience: 0.8", "salience: 0.7", StringComparison.Ordinal);

        var first = store.StartRun(Request(TestScenarios.Snapshot(TestScenarios.AlaskaText)));
        var second = store.StartRun(Request(TestScenarios.Snapshot(edited)));
        var third = store.StartRun(Request(TestScenarios.Snapshot(TestScenarios.AlaskaText)));

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(id => store.FindRun(id)!.Summary.ScenarioVersion));
        Assert.Equal(store.FindRun(first)!.Summary.ScenarioHash, store.FindRun(third)!.Summary.ScenarioHash);
        Assert.Equal(3, Assert.Single(store.ListScenarios()).Runs);
        Assert.Equal([third], store.ListRuns(1).Select(r => r.Id));
    }

    [Theory, SqliteStore, PostgresStore]
    public void SaveScenario_ConcurrentSavers_NumberVersionsWithoutGapsOrDuplicates(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using (ParleyStore.Open(test.Location))
        {
        }

        var text = TestScenarios.AlaskaText;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using var store = ParleyStore.Open(test.Location);
            store.SaveScenario(TestScenarios.Snapshot(text + $"# saver {i}\n"));
        });

        using var reader = ParleyStore.Open(test.Location);
        var history = reader.History("alaska-2025");
        Assert.Equal(Enumerable.Range(1, 8), history.Select(v => v.Version));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => (int?)(i == 0 ? null : i)), history.Select(v => v.ParentVersion));
    }

    [Theory, SqliteStore, PostgresStore]
    public void RecordSmpRun_Twice_AppendsNumberedRunsToTheKtabTables(StoreKind kind)
    {
        using var test = TestStore.Create(kind);
        using var store = ParleyStore.Open(test.Location);
        var scenario = TestScenarios.Alaska();
        var result = new Core.Models.Smp.SmpModel().Run(scenario, Core.Models.ModelOptions.Default with { Rounds = 3 }, CancellationToken.None);

        Assert.Equal("alaska-2025#1", store.RecordSmpRun(scenario, result));
        Assert.Equal("alaska-2025#2", store.RecordSmpRun(scenario, result));
        Assert.Equal(2L, Convert.ToInt64(test.Scalar("SELECT COUNT(*) FROM \"ScenarioDesc\""), System.Globalization.CultureInfo.InvariantCulture));
        // The KTAB tables hold the run's actors: Alaska's ten stance-less members take no part in SMP.
        var details = (Core.Models.Smp.SmpDetails)result.Details!;
        var runActors = details.History[0].Positions.Count;
        Assert.Equal(5, runActors);
        Assert.Equal(2L * runActors, Convert.ToInt64(test.Scalar("SELECT COUNT(*) FROM \"ActorDescription\""), System.Globalization.CultureInfo.InvariantCulture));
        var turns = details.History.Length;
        Assert.Equal(2L * turns * runActors, Convert.ToInt64(test.Scalar("SELECT COUNT(*) FROM \"PosProb\""), System.Globalization.CultureInfo.InvariantCulture));
    }
}

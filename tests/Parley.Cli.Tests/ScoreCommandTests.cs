using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary><c>parley score</c> through the real entry point: tables, JSON, located errors, and stored runs scored as they were recorded.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private const string Before = """
        id: talks
        title: Talks
        date: "2025-08-15"
        horizon: "2025-09-15"
        actors:
          - { id: a, capability: 10 }
          - { id: b, capability: 5 }
        issues:
          - id: x
            min: 0
            max: 10
          - id: y
        stances:
          - { actor: a, issue: x, position: 3, salience: 0.5 }
          - { actor: b, issue: x, position: 9, salience: 1 }
          - { actor: a, issue: y, position: 30, salience: 0.5 }
          - { actor: b, issue: y, position: 60, salience: 0.5 }

        """;

    private static readonly string After = Before.Replace(
        "    max: 10\n",
        "    max: 10\n    outcome: { value: 2, observed: \"2025-09-10\", evidence: [{ judgement: \"nothing agreed\" }] }\n",
        StringComparison.Ordinal);

    private readonly string folder = Directory.CreateTempSubdirectory("parley-score-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Db => Path.Combine(folder, "store.db");

    private string Write(string text, string name = "talks.yaml")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement.Clone();

    private static JsonElement Issue(JsonElement document, string model, string issue) =>
        document.GetProperty("scenarios")[0].GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == model)
            .GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("id").GetString() == issue);

    [Fact]
    public void Score_Alaska_Table_ScoresEveryModelOnTheIssuesWithOutcomes_AndNamesTheOthers()
    {
        var (exitCode, output, error) = CliRunner.RunAt(80, "score", "--draws", "200");

        Assert.True(exitCode == 0, error);
        Assert.Contains("Track record: US-Russia summit in Alaska", output, StringComparison.Ordinal);
        Assert.Contains("judged at 2025-09-15", output, StringComparison.Ordinal);
        foreach (var model in new[] { "compromise", "median", "nash", "smp", "eum", "exchange", "recommended" })
        {
            Assert.Matches($@"\| {model} +\| 4 \|", output);
        }

        Assert.Contains("(outcome 5)", output, StringComparison.Ordinal);
        var text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "); // lines wrap at 80 columns
        Assert.Contains("Not scored: Security guarantees and a European reassurance force: no outcome: Reports disagree", text, StringComparison.Ordinal);
        Assert.Contains("Not scored: Strategic arms control (New START): no outcome: Nothing observable", text, StringComparison.Ordinal);
        Assert.Contains("One scenario is one case", text, StringComparison.Ordinal);
        Assert.All(output.Split('\n').Where(l => l.StartsWith('|') || l.StartsWith('+')), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public void Score_Alaska_Json_HasAbsoluteErrorCrpsAndIntervalsPerModelAndIssue()
    {
        var (exitCode, output, _) = CliRunner.Run("score", "--model", "compromise,nash", "--draws", "300", "--json");
        Assert.Equal(0, exitCode);
        var document = Json(output);
        var scenario = document.GetProperty("scenarios")[0];
        Assert.Equal("alaska-2025", scenario.GetProperty("scenario").GetString());
        Assert.Equal("2025-09-15", scenario.GetProperty("horizon").GetString());
        Assert.Equal("fresh", scenario.GetProperty("forecasts_from").GetProperty("kind").GetString());
        Assert.Equal(["guarantees", "arms", "economy"], scenario.GetProperty("not_scored").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var ceasefire = Issue(document, "compromise", "ceasefire");
        Assert.Equal(5, ceasefire.GetProperty("observed").GetDouble());
        Assert.Equal(Math.Abs(ceasefire.GetProperty("forecast").GetDouble() - 5), ceasefire.GetProperty("absolute_error").GetDouble(), 9);
        Assert.True(ceasefire.GetProperty("crps").GetDouble() > 0);
        Assert.Equal([0.5, 0.8, 0.9], ceasefire.GetProperty("intervals").EnumerateArray().Select(i => i.GetProperty("level").GetDouble()));
        Assert.False(ceasefire.TryGetProperty("sorted_draws", out _));
        var summary = scenario.GetProperty("models")[0].GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("n").GetInt32());
        Assert.Equal(4, summary.GetProperty("crps_n").GetInt32());

        // An issue without an outcome is forecast, not scored.
        Assert.False(Issue(document, "nash", "arms").TryGetProperty("absolute_error", out _));
        Assert.Equal(output, CliRunner.Run("score", "--model", "compromise,nash", "--draws", "300", "--json", "--threads", "3").Output);
    }

    [Fact]
    public void Score_BrokenOutcome_IsALocatedErrorWithExitCode2()
    {
        var path = Write(After.Replace("observed: \"2025-09-10\"", "observed: \"2025-08-01\"", StringComparison.Ordinal));
        var (exitCode, output, error) = CliRunner.Run("score", path, "--draws", "10");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith($"{path}:12:36: issue 'x': outcome observed 2025-08-01, before the scenario's date 2025-08-15", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DeuProposalConvertedToNative_ScoresEveryIssue()
    {
        // A DEU data set converts one proposal at a time; d1 holds two issues with outcomes.
        var converted = Path.Combine(folder, "deu.yaml");
        Assert.Equal(0, CliRunner.Run("convert", Repository("tests", "Parley.Formats.Tests", "Samples", "small-deu.tsv"), "--proposal", "d1", "--to", "yaml", "-o", converted).ExitCode);
        var (exitCode, output, error) = CliRunner.Run("score", converted, "--model", "compromise", "--draws", "100", "--json");

        Assert.True(exitCode == 0, error);
        var model = Json(output).GetProperty("scenarios")[0].GetProperty("models")[0];
        Assert.Equal(2, model.GetProperty("summary").GetProperty("n").GetInt32());
    }

    [Fact]
    public void ScoreRun_SavedBeforeTheOutcome_IsScoredLaterExactlyAsStored()
    {
        var path = Write(Before);
        var (saveExit, saved, saveError) = CliRunner.Run("score", path, "--model", "compromise,median", "--draws", "300", "--seed", "4", "--save", "--db", Db, "--json");
        Assert.True(saveExit == 0, saveError);
        Assert.Contains("Saved run 1", saveError, StringComparison.Ordinal);
        Assert.Equal(300, Issue(Json(saved), "compromise", "x").GetProperty("sorted_draws").GetArrayLength());
        Assert.Equal(saved, CliRunner.Run("runs", "show", "1", "--result", "--db", Db).Output);

        // The outcome is recorded later; the stored forecasts are scored as they were made.
        Write(After);
        var (exitCode, output, error) = CliRunner.Run("score", path, "--run", "1", "--db", Db, "--json");
        Assert.True(exitCode == 0, error);
        var stored = Json(output);
        var fresh = Json(CliRunner.Run("score", path, "--model", "compromise,median", "--draws", "300", "--seed", "4", "--json").Output);
        foreach (var model in new[] { "compromise", "median" })
        {
            Assert.Equal(Issue(fresh, model, "x").GetProperty("crps").GetDouble(), Issue(stored, model, "x").GetProperty("crps").GetDouble());
            Assert.Equal(Issue(fresh, model, "x").GetProperty("absolute_error").GetDouble(), Issue(stored, model, "x").GetProperty("absolute_error").GetDouble());
        }

        var origin = stored.GetProperty("scenarios")[0].GetProperty("forecasts_from");
        Assert.Equal("stored", origin.GetProperty("kind").GetString());
        Assert.Equal(1, origin.GetProperty("run").GetInt32());
        Assert.Equal("talks@1", origin.GetProperty("scenario_version").GetString());
        // Recorded now, after the 2025 outcome: the record says so.
        Assert.Contains(origin.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("on or after the outcomes of x were observed", StringComparison.Ordinal));
        Assert.DoesNotContain(origin.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("inputs changed", StringComparison.Ordinal));

        // Editing an input afterwards changes fresh forecasts, not the stored ones.
        Write(After.Replace("position: 9,", "position: 7,", StringComparison.Ordinal));
        var (_, edited, _) = CliRunner.Run("score", path, "--run", "1", "--db", Db, "--json");
        Assert.Equal(Issue(stored, "compromise", "x").GetProperty("crps").GetDouble(), Issue(Json(edited), "compromise", "x").GetProperty("crps").GetDouble());
        Assert.Contains(Json(edited).GetProperty("scenarios")[0].GetProperty("forecasts_from").GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("inputs changed since the run (1 change(s), e.g. ~ stance b on x: position 9 -> 7", StringComparison.Ordinal));
    }

    [Fact]
    public void ScoreRun_OfAForecastRun_GivesTheAbsoluteErrorOnly_AndOfAMonteCarloRun_ItsIntervals()
    {
        var path = Write(After);
        Assert.Equal(0, CliRunner.Run("forecast", path, "--model", "compromise,nash", "--save", "--db", Db).ExitCode);
        Assert.Equal(0, CliRunner.Run("montecarlo", path, "--model", "compromise", "--draws", "500", "--save", "--db", Db).ExitCode);

        var (exitCode, output, error) = CliRunner.Run("score", path, "--run", "1", "--db", Db, "--json");
        Assert.True(exitCode == 0, error);
        var fromForecast = Issue(Json(output), "nash", "x");
        Assert.True(fromForecast.TryGetProperty("absolute_error", out _));
        Assert.False(fromForecast.TryGetProperty("crps", out _));
        Assert.False(fromForecast.TryGetProperty("intervals", out _));

        var (_, table, _) = CliRunner.Run("score", path, "--run", "2", "--db", Db);
        Assert.Contains("forecasts as stored in run 2 (montecarlo, talks@1", table, StringComparison.Ordinal);
        Assert.Contains("without CRPS", table, StringComparison.Ordinal);
        var fromMonteCarlo = Issue(Json(CliRunner.Run("score", path, "--run", "2", "--db", Db, "--json").Output), "compromise", "x");
        Assert.Equal([0.5, 0.9], fromMonteCarlo.GetProperty("intervals").EnumerateArray().Select(i => i.GetProperty("level").GetDouble()));
        Assert.False(fromMonteCarlo.TryGetProperty("crps", out _));

        // --stored takes the latest score or forecast run of the scenario: the forecast run.
        var latest = Json(CliRunner.Run("score", path, "--stored", "--db", Db, "--json").Output);
        Assert.Equal(1, latest.GetProperty("scenarios")[0].GetProperty("forecasts_from").GetProperty("run").GetInt32());
    }

    public static TheoryData<string[], string> RefusedStoredRuns() => new()
    {
        { ["--run", "9"], "there is no run 9 in" },
        { ["--run", "1", "--draws", "100"], "--draws computes new forecasts; stored forecasts are scored as they were recorded, so leave --draws out" },
        { ["--run", "1", "--stored"], "--run and --stored both choose the stored forecasts; give one of them" },
        { ["--run", "1", "--model", "eum"], "run 1 has no forecasts of eum; it recorded compromise" },
        { ["--run", "1", "--save"], "--save records the forecasts and scores of one scenario computed now" },
    };

    [Theory]
    [MemberData(nameof(RefusedStoredRuns))]
    public void ScoreRun_RefusedRequests_SayWhyWithExitCode2(string[] options, string expected)
    {
        var path = Write(After);
        Assert.Equal(0, CliRunner.Run("forecast", path, "--model", "compromise", "--save", "--db", Db).ExitCode);
        var (exitCode, _, error) = CliRunner.Run(["score", path, "--db", Db, .. options]);
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreRun_OfAnotherScenario_IsRefused()
    {
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "compromise", "--save", "--db", Db).ExitCode);
        var (exitCode, _, error) = CliRunner.Run("score", Write(After), "--run", "1", "--db", Db);
        Assert.Equal(2, exitCode);
        Assert.Contains("run 1 forecast scenario 'alaska-2025', not 'talks'; give the scenario it forecast", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreRun_OfAReportRun_SaysItHoldsNoForecasts()
    {
        // The server records report runs, whose result is the HTML page, not JSON.
        var path = Write(After);
        Assert.Equal(0, CliRunner.Run("forecast", path, "--model", "compromise", "--save", "--db", Db).ExitCode);
        using (var store = Parley.Storage.ParleyStore.Open(Parley.Storage.StoreLocation.Sqlite(Db)))
        {
            var version = store.FindVersion("talks")!;
            var snapshot = new Parley.Storage.ScenarioSnapshot(version.ToScenario(), version.Content, version.FileName, version.Format);
            var id = store.StartRun(new Parley.Storage.RunRequest("report", [], ["compromise"], System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty, 0, snapshot) { VersionId = version.Id });
            store.CompleteRun(id, "<!DOCTYPE html>\n<html><body>report</body></html>\n");
        }

        var (exitCode, _, error) = CliRunner.Run("score", path, "--run", "2", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.Contains("run 2 cannot be scored: a report run holds no forecasts to score; score a run of score, forecast, montecarlo", error, StringComparison.Ordinal);
        Assert.DoesNotContain("damaged", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreSave_RerunsByteIdentical()
    {
        var path = Write(After);
        Assert.Equal(0, CliRunner.Run("score", path, "--model", "compromise", "--draws", "200", "--seed", "2", "--save", "--db", Db).ExitCode);
        var (exitCode, output, error) = CliRunner.Run("runs", "rerun", "1", "--db", Db);
        Assert.True(exitCode == 0, error + output);
        Assert.Contains("byte-identical", output, StringComparison.Ordinal);
    }

    private static string Repository(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return Path.Combine([dir.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException("Parley.slnx not found");
    }
}

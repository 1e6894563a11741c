using System.Globalization;
using System.Text.Json;
using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

public sealed class BacktestCommandTests : IDisposable
{
    private const string Header = "prnrnmc\tisnrnmc\tprnr\tprname\tisnr\ttype\tcouncil\tproc\tcounvte\tintro\tfinact\tpcom\tpep\tpde\tplu\tscom\tsep\tsde\tslu\trp\tout";

    private readonly string folder = Directory.CreateTempSubdirectory("parley-backtest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string DevFile => ReferenceData.PathOf("deu3/deu3-dev.tsv");

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string SmallDeu() => Write("small.tsv", string.Join('\n',
        Header,
        "1\t1\td1\tone\td1i1\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\t100\t0\t40\t\t50\t80\t20\t\t0\t60",
        "1\t2\td1\tone\td1i2\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\t50\t100\t70\t10\t100\t100\t40\t30\t\t40",
        "3\t1\td3\tthree\td3i1\tDir\tAgri\tCNS\tUnan\t14-03-99\t999\t10\t90\t30\t20\t40\t60\t50\t50\t100\t25") + "\n");

    private static string Scenario(string id, double left, double right, string outcome) => string.Create(CultureInfo.InvariantCulture, $$"""
        id: {{id}}
        title: Test {{id}}
        actors:
          - { id: a, name: A, capability: 1 }
          - { id: b, name: B, capability: 3 }
        issues:
          - id: money
            name: Money
            min: 0
            max: 10
        {{outcome}}
        stances:
          - { actor: a, issue: money, position: {{left}}, salience: 1 }
          - { actor: b, issue: money, position: {{right}}, salience: 0.5 }

        """);

    [Fact]
    public void Backtest_DeuFile_PrintsOneRowPerModel()
    {
        var (exitCode, output, error) = CliRunner.Run("backtest", SmallDeu(), "--format", "deu");

        Assert.True(exitCode == 0, error);
        Assert.Contains("by proposal (each case with all its issues): 3 issues with known outcomes, capabilities equal", output, StringComparison.Ordinal);
        Assert.Contains("by issue (each issue alone): 3 issues with known outcomes, capabilities equal", output, StringComparison.Ordinal);
        foreach (var model in Parley.Core.Models.ModelCatalog.All)
        {
            Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(output, $@"\| {model.Info.Id} +\| +3 \|").Count);
        }
    }

    [Fact]
    public void Backtest_Json_HasTheDocumentedFields()
    {
        var (exitCode, output, _) = CliRunner.Run("backtest", SmallDeu(), "--format", "deu", "--models", "compromise,recommended", "--capability", "votes", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("small.tsv", root.GetProperty("dataset").GetString());
        Assert.Equal("votes", root.GetProperty("capability").GetString());
        var modes = root.GetProperty("modes").EnumerateArray().ToList();
        Assert.Equal(["proposal", "issue"], modes.Select(m => m.GetProperty("mode").GetString()));
        foreach (var mode in modes)
        {
            var models = mode.GetProperty("models").EnumerateArray().ToList();
            Assert.Equal(["compromise", "recommended"], models.Select(m => m.GetProperty("model").GetString()));
            foreach (var model in models)
            {
                Assert.Equal(3, model.GetProperty("n").GetInt32());
                foreach (var field in new[] { "options", "mae", "median_ae", "within10", "mae_vs_compromise", "vs_compromise", "nested_cv_mae", "nested_cv_vs_compromise", "crps", "coverage", "calibration", "conformal_coverage", "conformal" })
                {
                    Assert.True(model.TryGetProperty(field, out _), field);
                }

                Assert.True(model.GetProperty("crps").GetDouble() > 0);
                Assert.Equal(["0.5", "0.8", "0.9"], model.GetProperty("coverage").EnumerateObject().Select(p => p.Name));
                Assert.Equal(["0.5", "0.8", "0.9"], model.GetProperty("conformal_coverage").EnumerateObject().Select(p => p.Name));
                Assert.Equal(2, model.GetProperty("conformal").GetProperty("folds").GetInt32());
            }

            // Ensembles need three proposals, as the selection does.
            Assert.Equal(0, mode.GetProperty("ensembles").GetArrayLength());

            // Two proposals: too few groups to choose anything from data, so nothing is reported as chosen.
            Assert.False(mode.TryGetProperty("selection", out _));
            Assert.False(models[1].GetProperty("chosen_from_data").GetBoolean());
        }
    }

    [Fact]
    public void Backtest_ErrorsCsv_WritesOneRowPerModelAndIssueAndNeverOverwrites()
    {
        var csv = Path.Combine(folder, "errors.csv");

        var first = CliRunner.Run("backtest", SmallDeu(), "--models", "compromise,median", "--errors-csv", csv);
        var second = CliRunner.Run("backtest", SmallDeu(), "--errors-csv", csv);

        Assert.Equal(0, first.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("mode,model,options,case,group,issue,outcome,forecast,error,abs_error", lines[0]);
        Assert.Equal(1 + (2 * 2 * 3), lines.Length);
        Assert.StartsWith("proposal,compromise,,d1,1,d1i1,60,", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("issue,compromise,,d1/d1i1,1,d1i1,60,", StringComparison.Ordinal));
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("does not overwrite", second.Error, StringComparison.Ordinal);
        Assert.Equal(lines, File.ReadAllLines(csv));
    }

    [Fact]
    public void Backtest_ImagesAlreadyInTheFolder_WritesNoneOfItsOutputs()
    {
        var data = SmallDeu();
        var images = Path.Combine(folder, "png");
        Assert.Equal(0, CliRunner.Run("backtest", data, "--models", "compromise", "--draws", "0", "--png", images).ExitCode);
        var written = Directory.GetFiles(images).Length;
        string[] outputs = ["errors.csv", "calibration.json", "b.html"];

        var (exit, _, error) = CliRunner.Run(
            "backtest", data, "--models", "compromise", "--draws", "0", "--errors-csv", Path.Combine(folder, "errors.csv"),
            "--calibration-out", Path.Combine(folder, "calibration.json"), "--report", Path.Combine(folder, "b.html"), "--png", images);

        Assert.Equal(2, exit);
        Assert.Contains("parley: --png: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", error, StringComparison.Ordinal);
        Assert.All(outputs, name => Assert.False(File.Exists(Path.Combine(folder, name)), name));
        Assert.Equal(written, Directory.GetFiles(images).Length);
    }

    [Fact]
    public void Backtest_TwoOutputsOnOneFile_WritesNothing()
    {
        var same = Path.Combine(folder, "same.out");

        var (exit, _, error) = CliRunner.Run("backtest", SmallDeu(), "--models", "compromise", "--draws", "0", "--errors-csv", same, "--calibration-out", same);

        Assert.Equal(2, exit);
        Assert.Contains($"--calibration-out: {same} is also the file of --errors-csv", error, StringComparison.Ordinal);
        Assert.False(File.Exists(same));
    }

    [Fact]
    public void Backtest_ErrorsCsvToStandardOutput_StillWritesTheReport()
    {
        var report = Path.Combine(folder, "with-csv.html");

        var (exit, output, error) = CliRunner.Run("backtest", SmallDeu(), "--models", "compromise", "--draws", "0", "--errors-csv", "-", "--report", report);

        Assert.True(exit == 0, error);
        Assert.StartsWith("mode,model,options,case,group,issue,outcome,forecast,error,abs_error", output, StringComparison.Ordinal);
        Assert.Contains($"wrote {report}", error, StringComparison.Ordinal);
        Assert.True(File.Exists(report));
    }

    [Fact]
    public void Backtest_ByProposal_GivesTheSameErrorsForPerIssueModels()
    {
        var path = SmallDeu();

        // Models that forecast each issue on its own; SMP bargains over all of a scenario's issues at once.
        const string models = "compromise,median,nash,recommended";
        var byIssue = CliRunner.Run("backtest", path, "--models", models, "--mode", "issue", "--errors-csv", "-");
        var byProposal = CliRunner.Run("backtest", path, "--models", models, "--mode", "proposal", "--errors-csv", "-");

        // smp (one space of several dimensions) and exchange (trades between issues) work across a
        // proposal's issues, so their errors rightly depend on the unit; the others go issue by issue.
        static string[] WithoutModeAndCase(string csv) => [.. csv.Split('\n').Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 0 && i != 3)))];
        Assert.Equal(0, byProposal.ExitCode);
        Assert.Equal(WithoutModeAndCase(byIssue.Output), WithoutModeAndCase(byProposal.Output));
        Assert.Contains("proposal,median,,d1,1,d1i1,", byProposal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ScenarioFilesWithOutcomes_ScoresEachFile()
    {
        // Compromise: weights 1 and 1.5 -> (1*2 + 1.5*8) / 2.5 = 5.6 on a 0-10 scale; outcome 6.6 is 10 points off.
        Write("one.yaml", Scenario("one", 2, 8, "    outcome: 6.6"));
        Write("two.yaml", Scenario("two", 2, 8, "    outcome: 5.6"));

        var (exitCode, output, error) = CliRunner.Run("backtest", folder, "--models", "compromise", "--json");

        Assert.True(exitCode == 0, error);
        var model = JsonDocument.Parse(output).RootElement.GetProperty("modes")[0].GetProperty("models")[0];
        Assert.Equal(2, model.GetProperty("n").GetInt32());
        Assert.Equal(5, model.GetProperty("mae").GetDouble(), 9);
        Assert.Equal(1, model.GetProperty("within10").GetDouble(), 9);
    }

    [Fact]
    public void Backtest_OneScenarioFile_ScoresItAndSaysWhyItHasNoIntervals()
    {
        // One file is one group: nothing is left to hold out, so the calibration (10 draws asked for) and the
        // conformal intervals are left out with a note rather than failing.
        var path = Write("one.yaml", Scenario("one", 2, 8, "    outcome: 6.6"));

        var (exitCode, output, error) = CliRunner.Run("backtest", path, "--models", "compromise", "--draws", "10", "--json");

        Assert.True(exitCode == 0, error);
        Assert.Contains("parley: note: the intervals (calibrated Monte Carlo and conformal) are scored on groups of cases held out", error, StringComparison.Ordinal);
        var model = JsonDocument.Parse(output).RootElement.GetProperty("modes")[0].GetProperty("models")[0];
        Assert.Equal(1, model.GetProperty("n").GetInt32());
        Assert.Equal(10, model.GetProperty("mae").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, model.GetProperty("crps").ValueKind);
    }

    [Fact]
    public void Backtest_ScenarioWithoutOutcome_ExitsTwoAndSaysWhy()
    {
        var path = Write("none.yaml", Scenario("none", 2, 8, string.Empty));

        var (exitCode, _, error) = CliRunner.Run("backtest", path);

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:1:1: no issue has an outcome", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_BrokenDeuFile_ExitsTwoWithEveryLocatedProblem()
    {
        var path = Write("broken.tsv", string.Join('\n',
            Header,
            "1\t1\td1\tone\td1i1\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\tx\t0\t40\t\t50\t80\t20\t\t0\t60",
            "1\t2\td1\tone",
            "3\t1\td3\tthree\td3i1\tDir\tAgri\tCNS\tUnan\t14-03-99\t999\t10\t90\t30\t20\t40\t60\t50\t50\t100\t250") + "\n");

        var (exitCode, output, error) = CliRunner.Run("backtest", path, "--format", "deu");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains($"{path}:2:", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:3:1: the row has 4 cells but the header has 21", error, StringComparison.Ordinal);
        Assert.Contains("the outcome (out) 250 is outside 0–100", error, StringComparison.Ordinal);
        Assert.Contains("3 problems found.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--models", "oracle", "unknown model 'oracle'")]
    [InlineData("--capability", "power", "--capability 'power' is not known")]
    [InlineData("--format", "xls", "--format 'xls' is not a known format")]
    [InlineData("--cross-validate", "1", "--cross-validate 1 is not allowed")]
    [InlineData("--param", "salience_exponent=-2", "option salience_exponent")]
    [InlineData("--mode", "row", "--mode 'row' is not known; use proposal, issue or both")]
    [InlineData("--draws", "5", "--draws 5 is not allowed; use 0 (no interval calibration) or 10 to 100000")]
    public void Backtest_BadOption_ExitsTwoNamingWhatIsAllowed(string option, string value, string message)
    {
        var (exitCode, _, error) = CliRunner.Run("backtest", SmallDeu(), option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_DrawsZero_LeavesTheCalibrationOut()
    {
        var (exitCode, output, _) = CliRunner.Run("backtest", SmallDeu(), "--models", "compromise", "--draws", "0", "--json");

        Assert.Equal(0, exitCode);
        var model = JsonDocument.Parse(output).RootElement.GetProperty("modes")[0].GetProperty("models")[0];
        Assert.Equal(JsonValueKind.Null, model.GetProperty("crps").ValueKind);
    }

    [Fact]
    public void Backtest_MissingFile_ExitsTwo()
    {
        var (exitCode, _, error) = CliRunner.Run("backtest", Path.Combine(folder, "nope.tsv"), "--format", "deu");

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot read the file: no such file", error, StringComparison.Ordinal);
    }

    [ReferenceFact]
    public void Backtest_DevFile_RecommendedIsScoredByNestedCrossValidationOfItsSelection()
    {
        var (exitCode, output, error) = CliRunner.Run("backtest", DevFile, "--format", "deu", "--models", "compromise,recommended", "--json");

        Assert.True(exitCode == 0, error);
        foreach (var mode in JsonDocument.Parse(output).RootElement.GetProperty("modes").EnumerateArray())
        {
            var selection = mode.GetProperty("selection");
            Assert.Equal(10, selection.GetProperty("folds").GetInt32());
            Assert.Equal(10, selection.GetProperty("per_fold").GetArrayLength());
            var recommended = mode.GetProperty("models")[1];
            Assert.True(recommended.GetProperty("chosen_from_data").GetBoolean());
            Assert.Equal(selection.GetProperty("nested_cv_mae").GetDouble(), recommended.GetProperty("nested_cv_mae").GetDouble());
            var compromise = mode.GetProperty("models")[0];
            Assert.Equal(compromise.GetProperty("mae").GetDouble(), compromise.GetProperty("nested_cv_mae").GetDouble());
        }
    }

    [ReferenceFact]
    public void Backtest_DevFile_ConformalIntervalsHoldNearTheirLevelAndEnsemblesAreScoredOutOfFold()
    {
        var (exitCode, output, error) = CliRunner.Run("backtest", DevFile, "--format", "deu", "--draws", "0", "--json");

        Assert.True(exitCode == 0, error);
        foreach (var mode in JsonDocument.Parse(output).RootElement.GetProperty("modes").EnumerateArray())
        {
            foreach (var model in mode.GetProperty("models").EnumerateArray())
            {
                // Held out by proposal, the conformal intervals hold close to their share (the Monte Carlo ones hold 26-52% at 90%).
                var coverage = model.GetProperty("conformal_coverage");
                Assert.InRange(coverage.GetProperty("0.5").GetDouble(), 0.42, 0.58);
                Assert.InRange(coverage.GetProperty("0.8").GetDouble(), 0.72, 0.88);
                Assert.InRange(coverage.GetProperty("0.9").GetDouble(), 0.85, 0.95);
                Assert.Equal(10, model.GetProperty("conformal").GetProperty("folds").GetInt32());
            }

            var ensembles = mode.GetProperty("ensembles").EnumerateArray().ToList();
            Assert.Equal(7, ensembles.Count);
            foreach (var ensemble in ensembles)
            {
                Assert.Equal(10, ensemble.GetProperty("per_fold").GetArrayLength());
                Assert.Equal(180, ensemble.GetProperty("n").GetInt32());
                // recommended ships as compromise because no ensemble's gain excludes zero (docs/validation.md); a gain that did would have to be reviewed there.
                Assert.True(ensemble.GetProperty("nested_cv_vs_compromise").GetProperty("high").GetDouble() >= 0, ensemble.GetProperty("name").GetString());
            }
        }

        // The terminal tables show the same, with bracketed intervals printed literally.
        var text = CliRunner.Run("backtest", DevFile, "--format", "deu", "--draws", "0", "--mode", "issue");
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("Conformal intervals: forecast ± the half-width shown", text.Output, StringComparison.Ordinal);
        Assert.Matches(@"\| select-by-actors +\| +180 \| +20\.02 \| +-1\.37 \[-2\.98, \+0\.10\]", text.Output);
    }
}

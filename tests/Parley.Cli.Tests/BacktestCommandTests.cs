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
        Assert.Contains("3 issues with known outcomes, capabilities equal", output, StringComparison.Ordinal);
        foreach (var model in Parley.Core.Models.ModelCatalog.All)
        {
            Assert.Matches($@"\| {model.Info.Id} +\| +3 \|", output);
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
        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["compromise", "recommended"], models.Select(m => m.GetProperty("model").GetString()));
        foreach (var model in models)
        {
            Assert.Equal(3, model.GetProperty("n").GetInt32());
            foreach (var field in new[] { "options", "mae", "median_ae", "within10", "mae_vs_compromise" })
            {
                Assert.True(model.TryGetProperty(field, out _), field);
            }
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
        Assert.Equal("model,options,case,group,issue,outcome,forecast,error,abs_error", lines[0]);
        Assert.Equal(1 + (2 * 3), lines.Length);
        Assert.StartsWith("compromise,,d1i1,1,d1i1,60,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("does not overwrite", second.Error, StringComparison.Ordinal);
        Assert.Equal(lines, File.ReadAllLines(csv));
    }

    [Fact]
    public void Backtest_ByProposal_GivesTheSameErrorsForPerIssueModels()
    {
        var path = SmallDeu();

        // Models that forecast each issue on its own; SMP bargains over all of a scenario's issues at once.
        const string models = "compromise,median,nash,recommended";
        var byIssue = CliRunner.Run("backtest", path, "--models", models, "--errors-csv", "-");
        var byProposal = CliRunner.Run("backtest", path, "--models", models, "--unit", "proposal", "--errors-csv", "-");

        // smp (one space of several dimensions) and exchange (trades between issues) work across a
        // proposal's issues, so their errors rightly depend on the unit; the others go issue by issue.
        static string[] WithoutCase(string csv) => [.. csv.Split('\n').Where(l => !l.StartsWith("smp,", StringComparison.Ordinal) && !l.StartsWith("exchange,", StringComparison.Ordinal)).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 2)))];
        Assert.Equal(0, byProposal.ExitCode);
        Assert.Equal(WithoutCase(byIssue.Output), WithoutCase(byProposal.Output));
        Assert.Contains(",d1,1,d1i2,", byProposal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_ScenarioFilesWithOutcomes_ScoresEachFile()
    {
        // Compromise: weights 1 and 1.5 -> (1*2 + 1.5*8) / 2.5 = 5.6 on a 0-10 scale; outcome 6.6 is 10 points off.
        Write("one.yaml", Scenario("one", 2, 8, "    outcome: 6.6"));
        Write("two.yaml", Scenario("two", 2, 8, "    outcome: 5.6"));

        var (exitCode, output, error) = CliRunner.Run("backtest", folder, "--models", "compromise", "--json");

        Assert.True(exitCode == 0, error);
        var model = JsonDocument.Parse(output).RootElement.GetProperty("models")[0];
        Assert.Equal(2, model.GetProperty("n").GetInt32());
        Assert.Equal(5, model.GetProperty("mae").GetDouble(), 9);
        Assert.Equal(1, model.GetProperty("within10").GetDouble(), 9);
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
    [InlineData("--unit", "row", "--unit 'row' is not known")]
    public void Backtest_BadOption_ExitsTwoNamingWhatIsAllowed(string option, string value, string message)
    {
        var (exitCode, _, error) = CliRunner.Run("backtest", SmallDeu(), option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_MissingFile_ExitsTwo()
    {
        var (exitCode, _, error) = CliRunner.Run("backtest", Path.Combine(folder, "nope.tsv"), "--format", "deu");

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot read the file: no such file", error, StringComparison.Ordinal);
    }

    [ReferenceFact]
    public void Backtest_DevFile_RecommendedBeatsCompromiseAndCrossValidates()
    {
        var (exitCode, output, error) = CliRunner.Run("backtest", DevFile, "--format", "deu", "--models", "compromise,recommended", "--json", "--cross-validate", "10");

        Assert.True(exitCode == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        var models = root.GetProperty("models");
        var compromise = models[0].GetProperty("mae").GetDouble();
        var recommended = models[1].GetProperty("mae").GetDouble();
        Assert.True(recommended < compromise, $"recommended {recommended} vs compromise {compromise}");
        Assert.True(root.GetProperty("cross_validation").GetProperty("mae").GetDouble() < compromise);
    }
}

using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>Issue 12 items 3, 4, 6, 9, 14 and 15 through the real entry point.</summary>
public sealed class StrictOptionsCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-strict-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(new[] { "forecast", "--model", "nash", "--param", "utilty=quadratic" }, "parley: model 'nash' has no parameter 'utilty'; did you mean 'utility'? nash takes: utility (linear|quadratic, default linear)")]
    [InlineData(new[] { "forecast", "--model", "compromise", "--variant", "foo", "--rex-p", "0.3" }, "parley: model 'compromise' has no option --variant; compromise takes no options")]
    [InlineData(new[] { "forecast", "--model", "eum", "--param", "bogus=1" }, "parley: model 'eum' has no parameter 'bogus'; eum takes: rounds")]
    [InlineData(new[] { "forecast", "--model", "nash", "--param", "utility=NaN" }, "parley: option utility: 'NaN' is not allowed; use one of linear, quadratic")]
    [InlineData(new[] { "forecast", "--model", "smp", "--rounds", "2147483647" }, "parley: --rounds must be 1 or more and at most 10,000; 2147483647 is not allowed")]
    [InlineData(new[] { "forecast", "--model", "exchange", "--tolerance", "0" }, "parley: --tolerance must be a finite number above 0")]
    [InlineData(new[] { "forecast", "--model", "compromise", "--rounds", "3" }, "parley: model 'compromise' does not take --rounds")]
    [InlineData(new[] { "montecarlo", "--param", "utility=quadratic" }, "parley: model 'compromise' has no parameter 'utility'")]
    [InlineData(new[] { "forcast" }, "parley: unknown command 'forcast'; did you mean 'forecast'?")]
    [InlineData(new[] { "forecast", "--modle", "nash" }, "parley: unknown option '--modle' for forecast; did you mean '--model'?")]
    [InlineData(new[] { "models", "nahs" }, "parley: unknown model 'nahs'; use one of")]
    [InlineData(new[] { "convert", "--to", "yml" }, "parley: --to 'yml' is not a format convert writes; use yaml, json, xlsx, csv\n")]
    [InlineData(new[] { "forecast", "--rounds", "abc" }, "parley: --rounds: 'abc' is not a whole number\n")]
    [InlineData(new[] { "forecast", "--seed", "-1" }, "parley: --seed: '-1' is not a whole number of 0 or more\n")]
    [InlineData(new[] { "influence", "--shift", "five" }, "parley: --shift: 'five' is not a number\n")]
    [InlineData(new[] { "runs", "show", "abc" }, "parley: the argument of 'show': 'abc' is not a whole number\n")]
    public void BadOptions_ExitTwoNamingWhatIsWrongAndWhatIsAllowed(string[] args, string expected)
    {
        var (exitCode, output, error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ModleError_DoesNotBlameTheValue()
    {
        Assert.DoesNotContain("'nash'", CliRunner.Run("forecast", "--modle", "nash").Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "help" }, "forecast")]
    [InlineData(new[] { "help", "forecast" }, "--model")]
    public void Help_PrintsHelp(string[] args, string expected)
    {
        var (exitCode, output, _) = CliRunner.Run(args);

        Assert.Equal(0, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsId_ListsTheModelsOptionsWithTypesRangesAndDefaults()
    {
        var (exitCode, output, _) = CliRunner.Run("models", "exchange");

        Assert.Equal(0, exitCode);
        Assert.Contains("--rounds", output, StringComparison.Ordinal);
        Assert.Contains("whole number from 1 to 10000; default 10", output, StringComparison.Ordinal);
        Assert.Contains("rex-p", output, StringComparison.Ordinal);
        Assert.Contains("number from 0 to 1; default 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsId_OfAModelWithParametersOnly_DoesNotOfferRoundsOrTolerance()
    {
        // nash refuses --rounds and --tolerance, so its listing must not offer them.
        var (exitCode, output, _) = CliRunner.Run("models", "nash");

        Assert.Equal(0, exitCode);
        Assert.Contains("Options (as --param NAME=VALUE):", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--rounds", output, StringComparison.Ordinal);
        Assert.DoesNotContain("--tolerance", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SensitivityHelp_SaysZeroDrawsIsAllowed()
    {
        var (_, output, _) = CliRunner.Run("sensitivity", "--help");

        Assert.Contains("(0-100,000; 0 gives the swings without the rank correlations)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsJson_DescribesEveryOption()
    {
        var (exitCode, output, _) = CliRunner.Run("models", "nash", "--json");

        Assert.Equal(0, exitCode);
        var option = JsonDocument.Parse(output).RootElement.GetProperty("models")[0].GetProperty("options")[0];
        Assert.Equal("utility", option.GetProperty("name").GetString());
        Assert.Equal("choice", option.GetProperty("type").GetString());
        Assert.Equal("linear", option.GetProperty("default").GetString());
        Assert.Equal(["linear", "quadratic"], option.GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void ModelsWithoutId_KeepsItsOneLinePerModel()
    {
        var (exitCode, output, _) = CliRunner.Run("models");

        Assert.Equal(0, exitCode);
        Assert.Equal(Parley.Core.Models.ModelCatalog.All.Length, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("dir")]
    public void Convert_ToEmptyNameOrDirectory_ExitsTwoLeavingNothingBehind(string name)
    {
        var input = Write("in.yaml", BuiltInScenarios.AlaskaText());
        var target = name.Length == 0 ? string.Empty : Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        var before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToArray();
        var current = Directory.GetFileSystemEntries(Environment.CurrentDirectory).Order().ToArray();

        var (exitCode, _, error) = CliRunner.Run("convert", input, "-o", target, "--force");

        Assert.Equal(2, exitCode);
        Assert.Contains(name.Length == 0 ? "the output file name is empty" : "is a directory", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order().ToArray());
        Assert.Equal(current, Directory.GetFileSystemEntries(Environment.CurrentDirectory).Order().ToArray());
    }

    [Fact]
    public void Convert_ToDevice_ExitsTwoAndLeavesTheDevice()
    {
        Assert.True(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "this test needs Linux's /dev/full");

        var (exitCode, _, error) = CliRunner.Run("convert", Write("in.yaml", BuiltInScenarios.AlaskaText()), "-o", "/dev/full", "--force");

        Assert.Equal(2, exitCode);
        Assert.Contains("/dev/full is not a regular file", error, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo("/dev/full").Length);
    }

    [Fact]
    public void Convert_ToSymlinkWithoutForce_ExitsTwoAndKeepsTheTarget()
    {
        var target = Write("target.yaml", "old");
        var link = Path.Combine(folder, "link.yaml");
        File.CreateSymbolicLink(link, target);

        var (exitCode, _, error) = CliRunner.Run("convert", Write("in.yaml", BuiltInScenarios.AlaskaText()), "-o", link);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a symbolic link", error, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(target));
    }

    [Fact]
    public void Backtest_ErrorsCsvToDirectory_ExitsTwo()
    {
        var scenario = Write("case.yaml", BuiltInScenarios.AlaskaText());

        var (exitCode, _, error) = CliRunner.Run("backtest", scenario, "--errors-csv", folder);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
    }

    /// <summary>A DEU data set of two proposals: d1 with two issues, d3 with one.</summary>
    private string DeuDataSet()
    {
        const string Header = "prnrnmc\tisnrnmc\tprnr\tprname\tisnr\ttype\tcouncil\tproc\tcounvte\tintro\tfinact\tpcom\tpep\tpde\tplu\tscom\tsep\tsde\tslu\trp\tout";
        return Write("deu.tsv", string.Join('\n',
            Header,
            "1\t1\td1\tone\td1i1\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\t100\t0\t40\t20\t50\t80\t20\t60\t0\t60",
            "1\t2\td1\tone\td1i2\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\t50\t100\t70\t10\t100\t100\t40\t30\t0\t40",
            "3\t1\td3\tthree\td3i1\tDir\tAgri\tCNS\tUnan\t14-03-99\t999\t10\t90\t30\t20\t40\t60\t50\t50\t100\t25") + "\n");
    }

    [Fact]
    public void Convert_DeuDataSet_ListsProposalsAndConvertsTheChosenOneAlone()
    {
        // All proposals in one scenario would be one negotiation trading across unrelated proposals.
        var path = DeuDataSet();

        var listed = CliRunner.Run("convert", path);
        var chosen = CliRunner.Run("convert", path, "--proposal", "d3");

        Assert.Equal(2, listed.ExitCode);
        Assert.Empty(listed.Output);
        Assert.Contains("is a DEU data set of 2 proposals (3 issues), each a separate negotiation; choose one with --proposal ID", listed.Error, StringComparison.Ordinal);
        Assert.Equal(0, chosen.ExitCode);
        var scenario = Parley.Formats.ScenarioFiles.ReadText(chosen.Output, "d3.yaml").Scenario!;
        Assert.Equal(["d3i1"], scenario.Issues.Select(i => i.Id));
    }

    [Fact]
    public void Forecast_DeuDataSet_ListsProposalsAndRunsTheChosenOne()
    {
        var path = DeuDataSet();

        var listed = CliRunner.Run("forecast", path, "--model", "exchange");
        var chosen = CliRunner.Run("forecast", path, "--model", "exchange", "--proposal", "d1", "--json");

        Assert.Equal(2, listed.ExitCode);
        Assert.Contains("is a DEU data set of 2 proposals (3 issues), each a separate negotiation; choose one with --proposal ID", listed.Error, StringComparison.Ordinal);
        Assert.Contains("d1    2 issues  one", listed.Error, StringComparison.Ordinal);
        Assert.Equal(0, chosen.ExitCode);
        var issues = JsonDocument.Parse(chosen.Output).RootElement.GetProperty("forecasts")[0].GetProperty("issues");
        Assert.Equal(["d1i1", "d1i2"], issues.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

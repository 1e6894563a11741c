using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-report-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    [Fact]
    public void Report_SameInputsAndSeed_WriteByteIdenticalFiles()
    {
        var (exit, output, error) = CliRunner.Run("report", "-o", PathOf("a.html"), "--draws", "300", "--stages", "--seed", "7");
        Assert.True(exit == 0, error);
        Assert.Contains("wrote", output, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("report", "-o", PathOf("b.html"), "--draws", "300", "--stages", "--seed", "7").ExitCode);
        Assert.Equal(File.ReadAllBytes(PathOf("a.html")), File.ReadAllBytes(PathOf("b.html")));
        var html = File.ReadAllText(PathOf("a.html"));
        Assert.DoesNotContain("Generated", html, StringComparison.Ordinal);
        foreach (var section in new[] { "scenario", "forecast", "bargaining", "uncertainty", "stages", "influence" })
        {
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_WithStamp_DatesTheFile()
    {
        Assert.Equal(0, CliRunner.Run("report", "-o", PathOf("s.html"), "--model", "compromise", "--stamp").ExitCode);
        Assert.Contains("Generated 20", File.ReadAllText(PathOf("s.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ExistingFile_IsKeptWithoutForce_AndReplacedWithIt()
    {
        var target = PathOf("keep.html");
        File.WriteAllText(target, "mine");
        var (exit, _, error) = CliRunner.Run("report", "-o", target, "--model", "compromise");
        Assert.Equal(2, exit);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(target));

        Assert.Equal(0, CliRunner.Run("report", "-o", target, "--model", "compromise", "--force").ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(target), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BrokenScenario_ExitsTwoWithALocatedError_AndWritesNothing()
    {
        var scenario = PathOf("bad.yaml");
        File.WriteAllText(scenario, BuiltInScenarios.AlaskaText().Replace("position: 100\n    salience: 0.9\n", "position: 180\n    salience: 0.9\n", StringComparison.Ordinal));
        var target = PathOf("bad.html");
        var (exit, output, error) = CliRunner.Run("report", scenario, "-o", target);
        Assert.Equal(2, exit);
        Assert.Matches(@"bad\.yaml:\d+:\d+: .*position 180", error);
        Assert.DoesNotContain("at Parley", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.Equal([scenario], Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("--model", "nosuch")]
    [InlineData("--draws", "-1")]
    [InlineData("--analysis-model", "nosuch")]
    public void Report_BadOption_ExitsTwo_AndWritesNothing(string option, string value)
    {
        var target = PathOf("x.html");
        var (exit, _, error) = CliRunner.Run("report", "-o", target, option, value);
        Assert.Equal(2, exit);
        Assert.StartsWith("parley:", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1000000001")]
    public void Report_DrawsOutOfRange_SaysTheRangeThatHolds_FromZero(string draws)
    {
        var (exit, _, error) = CliRunner.Run("report", "-o", PathOf("x.html"), "--draws", draws);

        Assert.Equal(2, exit);
        Assert.Equal($"parley: --draws {draws} is not allowed; use 0 (no uncertainty section) to 1,000,000,000", error.TrimEnd());
    }

    [Fact]
    public void Report_WithoutOutput_ExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("report");
        Assert.Equal(2, exit);
        Assert.Contains("-o FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_OutputIsAFolder_ExitsTwo() =>
        Assert.Equal(2, CliRunner.Run("report", "-o", folder, "--model", "compromise").ExitCode);

    [Fact]
    public void Report_PngAndSvg_WriteOneImagePerChart()
    {
        var (exit, output, error) = CliRunner.Run("report", "-o", PathOf("r.html"), "--model", "compromise,eum", "--png", PathOf("png"), "--svg", PathOf("svg"));
        Assert.True(exit == 0, error);
        var pngs = Directory.GetFiles(PathOf("png"), "*.png");
        var svgs = Directory.GetFiles(PathOf("svg"), "*.svg");

        // 7 forecast charts, 7 eum bargaining charts, 7 influence charts, 4 track-record charts (the issues with an outcome).
        Assert.Equal(25, pngs.Length);
        Assert.Equal(pngs.Select(Path.GetFileNameWithoutExtension).Order(), svgs.Select(Path.GetFileNameWithoutExtension).Order());
        Assert.Contains(Path.Combine(PathOf("png"), "forecast-ceasefire.png"), pngs);
        Assert.Contains(Path.Combine(PathOf("png"), "track-record-ceasefire.png"), pngs);
        Assert.Contains("wrote 25 PNG charts", output, StringComparison.Ordinal);

        // The images are not overwritten without --force either.
        Assert.Equal(2, CliRunner.Run("report", "-o", PathOf("r2.html"), "--model", "compromise,eum", "--png", PathOf("png")).ExitCode);
    }

    [Theory]
    [InlineData("--png", "")]
    [InlineData("--svg", "plain.txt")]
    [InlineData("--png", "plain.txt/images")]
    public void Report_ImageFolderThatCannotBe_IsRefusedBeforeAnyModelRuns(string option, string folderName)
    {
        File.WriteAllText(PathOf("plain.txt"), "mine");
        var images = folderName.Length == 0 ? folderName : PathOf(folderName);

        var (exit, output, error) = CliRunner.Run("report", "-o", PathOf("r.html"), "--model", "compromise", option, images);

        Assert.Equal(2, exit);
        Assert.StartsWith($"parley: {option}", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal([PathOf("plain.txt")], Directory.GetFileSystemEntries(folder));
        Assert.Empty(Directory.GetFiles(Environment.CurrentDirectory, "forecast-*.png"));
    }

    [Fact]
    public void Report_ImagesAlreadyInTheFolder_WritesNothing_NotEvenTheNewHtml()
    {
        Assert.Equal(0, CliRunner.Run("report", "-o", PathOf("first.html"), "--model", "compromise", "--svg", PathOf("svg")).ExitCode);
        var before = Directory.GetFiles(PathOf("svg")).ToDictionary(f => f, File.ReadAllBytes);

        var (exit, output, error) = CliRunner.Run("report", "-o", PathOf("second.html"), "--model", "compromise", "--png", PathOf("png"), "--svg", PathOf("svg"));

        Assert.Equal(2, exit);
        Assert.Contains($"parley: --svg: {Path.Combine(PathOf("svg"), "forecast-ceasefire.svg")} already exists; add --force", error, StringComparison.Ordinal);
        Assert.Contains("more file(s) like it", error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrote", output, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("second.html")));
        Assert.False(Directory.Exists(PathOf("png")));
        Assert.Equal(before, Directory.GetFiles(PathOf("svg")).ToDictionary(f => f, File.ReadAllBytes));

        // The same run with --force replaces them all.
        Assert.Equal(0, CliRunner.Run("report", "-o", PathOf("second.html"), "--model", "compromise", "--png", PathOf("png"), "--svg", PathOf("svg"), "--force").ExitCode);
        Assert.True(File.Exists(PathOf("second.html")));
    }

    [Fact]
    public void Report_ScenarioWithOutcomes_HasATrackRecordSection_WithTheEvidence_AndOneWithoutHasNone()
    {
        var (exit, _, error) = CliRunner.Run("report", "-o", PathOf("record.html"), "--model", "compromise,nash", "--draws", "200");
        Assert.True(exit == 0, error);
        var html = File.ReadAllText(PathOf("record.html"));
        Assert.Contains("<section id=\"track-record\"", html, StringComparison.Ordinal);
        Assert.Contains("Mean CRPS", html, StringComparison.Ordinal);
        Assert.Contains("<figure class=\"chart\" id=\"track-record-ceasefire\">", html, StringComparison.Ordinal);
        Assert.Contains("The outcome was 5 (nearest label:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.scrippsnews.com/", html, StringComparison.Ordinal);
        Assert.Contains("Reports disagree", html, StringComparison.Ordinal);

        var withoutOutcomes = PathOf("plain.yaml");
        File.WriteAllText(withoutOutcomes, "id: p\ntitle: P\nactors:\n  - { id: a }\n  - { id: b }\nissues:\n  - { id: x }\nstances:\n  - { actor: a, issue: x, position: 10, salience: 1 }\n  - { actor: b, issue: x, position: 90, salience: 1 }\n");
        Assert.Equal(0, CliRunner.Run("report", withoutOutcomes, "-o", PathOf("plain.html"), "--model", "compromise").ExitCode);
        Assert.DoesNotContain("track-record", File.ReadAllText(PathOf("plain.html")), StringComparison.Ordinal);
    }

    [ReferenceFact]
    public void Backtest_Report_WritesAByteIdenticalHtmlFile_AndKeepsTheTable()
    {
        var data = ReferenceData.PathOf("deu3/deu3-dev.tsv");
        var (exit, output, error) = CliRunner.Run("backtest", data, "--format", "deu", "--models", "compromise,recommended", "--report", PathOf("b1.html"));
        Assert.True(exit == 0, error);
        Assert.Contains("| compromise", output, StringComparison.Ordinal);
        Assert.Contains("wrote", error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("backtest", data, "--format", "deu", "--models", "compromise,recommended", "--report", PathOf("b2.html")).ExitCode);
        Assert.Equal(File.ReadAllBytes(PathOf("b1.html")), File.ReadAllBytes(PathOf("b2.html")));
        var html = File.ReadAllText(PathOf("b1.html"));
        Assert.Contains("backtest-mae", html, StringComparison.Ordinal);
        Assert.Contains("backtest-scatter-recommended", html, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("backtest", data, "--format", "deu", "--models", "compromise", "--report", PathOf("b1.html")).ExitCode);
    }
}

using Parley.Formats;

namespace Parley.Cli.Tests;

/// <summary><c>parley draft</c> through the real entry point, and what validate and forecast do with a draft.</summary>
public sealed class DraftCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-draft-").FullName;

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

    private static readonly string Article = Repository("scenarios", "drafting", "trade-dispute.txt");
    private static readonly string Issues = Repository("scenarios", "drafting", "trade-dispute.issues.yaml");
    private static readonly string Expected = Repository("scenarios", "drafting", "trade-dispute.expected.yaml");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Draft_WritesADraftThatValidateListsAndForecastRefuses()
    {
        var output = Path.Combine(folder, "draft.yaml");

        var (exit, _, error) = CliRunner.Run("draft", Article, "--issues", Issues, "-o", output);

        Assert.Equal(0, exit);
        Assert.Contains("drafted 6 actors, 5 people, 3 issues", error, StringComparison.Ordinal);
        Assert.True(ScenarioFiles.Read(output).Scenario!.IsDraft);

        var (validateExit, validateOutput, _) = CliRunner.Run("validate", output);
        Assert.Equal(0, validateExit);
        Assert.Contains("a valid draft", validateOutput, StringComparison.Ordinal);
        Assert.Contains(": position and salience of 'usa' on 'steel': to decide;", validateOutput, StringComparison.Ordinal);
        Assert.Contains("open judgements; ", validateOutput, StringComparison.Ordinal);

        var (forecastExit, forecastOutput, forecastError) = CliRunner.Run("forecast", output);
        Assert.Equal(2, forecastExit);
        Assert.Empty(forecastOutput);
        Assert.Contains("is a draft", forecastError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", forecastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_WithCompare_PrintsTheFigures()
    {
        var (exit, output, _) = CliRunner.Run("draft", Article, "--issues", Issues, "--compare", Expected);

        Assert.Equal(0, exit);
        Assert.Contains("actors: recall 5/5 (100 %)", output, StringComparison.Ordinal);
        Assert.Contains("people: recall 5/5 (100 %), grouped correctly 5/5 (100 %)", output, StringComparison.Ordinal);
        Assert.Contains("quotes in the top three candidates of the right actor x issue:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_WithAnUnreadableSource_IsALocatedErrorAndWritesNothing()
    {
        var output = Path.Combine(folder, "draft.yaml");
        var broken = Path.Combine(folder, "scan.pdf");
        File.WriteAllText(broken, "%PDF-1.4 not really");

        var (exit, _, error) = CliRunner.Run("draft", Article, broken, Path.Combine(folder, "missing.txt"), "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains($"{broken}:1:1: cannot read the PDF", error, StringComparison.Ordinal);
        Assert.Contains("missing.txt:1:1: cannot read the source: no such file", error, StringComparison.Ordinal);
        Assert.Contains("2 problems found.", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("out.xlsx")]
    [InlineData("out.csv")]
    [InlineData("out.txt")]
    public void Draft_ToAFormatItCannotWrite_ExitsTwoBeforeDraftingAndWritesNothing(string name)
    {
        var output = Path.Combine(folder, name);

        var (exit, _, error) = CliRunner.Run("draft", Article, "-o", output);

        Assert.Equal(2, exit);
        Assert.StartsWith($"parley: --output {output}: this command cannot write a {Path.GetExtension(name)} file; the extension says the format, so name the file .yaml, .yml or .json; for a workbook", error, StringComparison.Ordinal);
        Assert.DoesNotContain("drafted", error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Draft_OutputIsAFolder_ExitsTwoBeforeDrafting()
    {
        var (exit, _, error) = CliRunner.Run("draft", Article, "-o", folder);

        Assert.Equal(2, exit);
        Assert.Equal($"parley: --output: {folder} is a directory; give a file name\n", error);
    }

    [Fact]
    public void Draft_NeverOverwritesWithoutForce()
    {
        var output = Path.Combine(folder, "mine.yaml");
        File.WriteAllText(output, "analyst's work");

        var (exit, _, error) = CliRunner.Run("draft", Article, "-o", output);

        Assert.Equal(2, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("analyst's work", File.ReadAllText(output));
    }

    [Fact]
    public void Draft_Merge_KeepsTheJudgementsOfTheExistingScenario()
    {
        var output = Path.Combine(folder, "merged.yaml");
        var existing = Repository("scenarios", "alaska-2025.yaml");

        var (exit, _, error) = CliRunner.Run("draft", Article, "--merge", existing, "-o", output);

        Assert.Equal(0, exit);
        Assert.Contains("positions, saliences and capabilities unchanged", error, StringComparison.Ordinal);
        var before = ScenarioFiles.Read(existing).Scenario!;
        var after = ScenarioFiles.Read(output).Scenario!;
        Assert.Equal(before.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience, s.Evidence.Length)), after.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience, s.Evidence.Length)));
        Assert.Equal(before.Actors.Select(a => (a.Id, a.Capability)), after.Actors.Select(a => (a.Id, a.Capability)));
        Assert.Equal(before.Sources.Length + 1, after.Sources.Length);
        Assert.Contains(after.Stances, s => s.ActorId == "usa" && s.Candidates.Any(c => c.SourceId == "trade-dispute"));

        var (forecastExit, _, _) = CliRunner.Run("forecast", output, "--model", "compromise");
        Assert.Equal(0, forecastExit);
    }

    [Fact]
    public void Draft_WithABrokenIssuesFile_ReportsItLocated()
    {
        var issues = Path.Combine(folder, "issues.yaml");
        File.WriteAllText(issues, "issues:\n  - id: x\n    name: X\n    low: Low.\n");

        var (exit, _, error) = CliRunner.Run("draft", Article, "--issues", issues);

        Assert.Equal(2, exit);
        Assert.Contains($"{issues}:2:5: issue: missing required field 'high'", error, StringComparison.Ordinal);
    }
}

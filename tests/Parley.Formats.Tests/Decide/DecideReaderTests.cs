using Parley.Formats;
using Parley.Formats.Decide;
using Parley.Tests.Shared;

namespace Parley.Formats.Tests.Decide;

public sealed class DecideReaderTests
{
    private static readonly DecideReader Reader = new();

    private static ReadResult Read(string text) => Reader.Read(text.Replace("\r\n", "\n", StringComparison.Ordinal), "in.csv");

    private static string[] Messages(ReadResult result) => [.. result.Diagnostics.Select(d => d.ToString())];

    [ReferenceTheory]
    [ReferenceInlineData("sample_data.txt", 10, 6, 60)]
    [ReferenceInlineData("copenhagen.csv", 11, 7, 75)]
    [ReferenceInlineData("cop21.csv", 15, 13, 181)]
    [ReferenceInlineData("verkiezing2012.csv", 10, 11, 108)]
    public void Read_ReferenceFiles_LoadEveryActorIssueAndStance(string file, int actors, int issues, int stances)
    {
        var result = ScenarioFiles.Read(ReferenceData.PathOf(Path.Combine("decide", file)));

        Assert.Empty(result.Diagnostics);
        var scenario = result.Scenario!;
        Assert.Equal(actors, scenario.Actors.Length);
        Assert.Equal(issues, scenario.Issues.Length);
        Assert.Equal(stances, scenario.Stances.Length);
        Assert.All(scenario.Stances, s => Assert.InRange(s.Salience, 0, 1));
        Assert.All(scenario.Stances, s => Assert.NotNull(s.Capability));
    }

    [ReferenceFact]
    public void Read_SampleData_TakesTheScaleFromTheMRows()
    {
        var scenario = ScenarioFiles.Read(ReferenceData.PathOf("decide/sample_data.txt")).Scenario!;

        var issue = scenario.FindIssue("tol-hoogte")!;
        Assert.Equal(0.5, issue.ScaleMin);
        Assert.Equal(7, issue.ScaleMax);
        var stance = scenario.FindStance("GL", "tol-hoogte")!;
        Assert.Equal(5, stance.Position);
        Assert.Equal(0.9, stance.Salience);
        Assert.Equal(0.6, stance.Capability);
    }

    [ReferenceFact]
    public void Read_CopenhagenWithErrors_LocatesBothPlantedErrors()
    {
        var path = ReferenceData.PathOf("decide/copenhagen_with_errors.csv");

        var result = ScenarioFiles.Read(path);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                $"{path}:86:19: stance of 'Russia' on 'Control': position 160 is outside the issue's scale; it must be from 0 to 100",
                $"{path}:87:32: power -0.247 is not allowed; power is a number of 0 or more",
            ],
            Messages(result));
    }

    [Fact]
    public void Detect_DecideRows_PicksTheDecideReader()
    {
        const string text = "#A;a;A\n#P;p;P\n#D;a;p;10;0.5;1\n";

        Assert.IsType<DecideReader>(ScenarioFiles.Detect(text, "x.csv"));
        Assert.False(Reader.Recognizes("actor,capability\nA,1\n", "x.csv"));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData(";")]
    [InlineData(",")]
    public void Read_AnyDelimiterWithOrWithoutQuotes_ReadsTheSameScenario(string delimiter)
    {
        var lines = new[]
        {
            "#O|Test talks",
            "#/|a comment",
            "'#A'|'a'|'Actor A'|'leads'",
            "#A|b|Actor B",
            "#P|p|\"Issue, with comma\"",
            "#M|p|-1|left",
            "#M|p|1|right",
            "#D|'a'|p|-0.5|0.4|10",
            "\"#D\"|b|p|1|0.8|20|comment",
        };

        var result = Read(string.Join('\n', lines).Replace("|", delimiter, StringComparison.Ordinal));

        Assert.Empty(result.Diagnostics);
        var scenario = result.Scenario!;
        Assert.Equal("Test talks", scenario.Title);
        Assert.Equal(["a", "b"], scenario.Actors.Select(a => a.Id));
        Assert.Equal("Actor A", scenario.Actors[0].Name);
        Assert.Equal("leads", scenario.Actors[0].Description);
        var issue = scenario.Issues.Single();
        Assert.Equal("Issue, with comma", issue.Description);
        Assert.Equal((-1.0, 1.0), (issue.ScaleMin, issue.ScaleMax));
        Assert.Equal(["left", "right"], issue.Anchors.Select(a => a.Label));
        Assert.Equal(-0.5, scenario.FindStance("a", "p")!.Position);
        Assert.Equal(20, scenario.FindStance("b", "p")!.Capability);
    }

    [Fact]
    public void Read_MRowsInDescendingOrder_StillGiveTheScale()
    {
        var result = Read("#A;a\n#P;p\n#M;p;7;high\n#M;p;0.5;low\n#D;a;p;3;0.5;1\n");

        var issue = result.Scenario!.Issues[0];
        Assert.Equal((0.5, 7.0), (issue.ScaleMin, issue.ScaleMax));
        Assert.Equal([0.5, 7.0], issue.Anchors.Select(a => a.Value));
    }

    [Fact]
    public void Read_SaliencesAbove1_ReadsTheWholeFileAsZeroToHundred()
    {
        var result = Read("#A;a\n#A;b\n#P;p\n#D;a;p;10;80;1\n#D;b;p;20;1;1\n");

        Assert.Equal([0.8, 0.01], result.Scenario!.Stances.Select(s => s.Salience));
    }

    [Fact]
    public void Read_OnePercentageAmongFractions_IsLocatedAtThePercentage()
    {
        // QA issue 16: one #D salience of 80 among 0.x read every other salience of the file as hundredths.
        var result = Read("#A;a\n#A;b\n#A;c\n#P;p\n#P;q\n#D;a;p;10;0.8;1\n#D;b;p;20;0.7;1\n#D;c;p;30;80;1\n#D;a;q;10;0.6;1\n");

        Assert.Equal(
            ["in.csv:8:11: salience 80 is on 0-100 but the file's other saliences are on 0-1 (0.8 on line 6 and 2 more); one scale is read for the whole file, and on 0-100 0.8 would weigh 0.008, a hundredth of what it says; write 80 as 0.8, or write every salience on 0-100"],
            Messages(result));
    }

    [ReferenceFact]
    public void Read_SampleDataWithOneSalienceAsAPercentage_IsRefusedThere()
    {
        // The QA's d_sal.txt: line 35's 0.8 written as 80.
        var lines = File.ReadAllLines(ReferenceData.PathOf("decide/sample_data.txt"));
        var row = lines[34];
        var at = row.IndexOf("0.8\t1.0", StringComparison.Ordinal);
        Assert.True(at > 0, row);
        lines[34] = string.Concat(row.AsSpan(0, at), "80", row.AsSpan(at + 3));

        var problem = Assert.Single(Read(string.Join("\n", lines)).Diagnostics);

        Assert.Equal((35, at + 1), (problem.Line, problem.Column));
        Assert.StartsWith("salience 80 is on 0-100 but the file's other saliences are on 0-1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ScalePointThatDoesNotRead_IsReportedAlone_NotAlsoAsATooNarrowScale()
    {
        // Before, p's scale became 0 to 0 from the one point that read, reported as "max 0 must be greater than min 0",
        // and a's position 40 as off it: consequences of the typo, not problems of their own.
        var text = string.Join('\n',
            "#A;a",
            "#P;p",
            "#M;p;0",
            "#M;p;1OO",
            "#P;r",
            "#M;r;0",
            "#M;r;10",
            "#D;a;p;40;0.5;1",
            "#D;a;r;40;0.5;1");

        var result = Read(text);

        Assert.Equal(
            [
                "in.csv:4:6: scale point '1OO' is not a number; write a finite number with a dot as decimal separator",
                "in.csv:9:8: stance of 'a' on 'r': position 40 is outside the issue's scale; it must be from 0 to 10",
            ],
            Messages(result));
    }

    [Fact]
    public void Read_BrokenRows_ReportsEveryProblemWithItsLineAndColumn()
    {
        var text = string.Join('\n',
            "#A;a",
            "#A;b",
            "#X;what",
            "#P;p",
            "#M;q;5",
            "#M;p;high",
            "#D;a;p;ten;0.5;1",
            "#D;b;p;10;0.5",
            "#D;c;p;10;0.5;1",
            "#D;a;p;10;0.5;1",
            "#D;b;p;10;120;1",
            "#A;");

        var result = Read(text);

        Assert.Equal(
            [
                "in.csv:3:1: unknown row key '#X'; rows start with #A (actor), #P (issue), #M (scale point), #D (stance), #O (title) or #/ (comment)",
                "in.csv:5:4: #M row for unknown issue 'q'; define the issue with a #P row",
                "in.csv:6:6: scale point 'high' is not a number; write a finite number with a dot as decimal separator",
                "in.csv:7:8: position 'ten' is not a number; write a finite number with a dot as decimal separator",
                "in.csv:8:14: #D row has no power (field 6); a stance row is: #D, actor, issue, position, salience, power, comment",
                "in.csv:9:4: stance of 'c' on 'p': unknown actor 'c'; use one of the actor ids (a, b)",
                "in.csv:11:11: salience 120 is not allowed; salience is from 0 to 1 (or 0 to 100 for the whole file)",
                "in.csv:12:4: #A row has no actor id (field 2); an actor row is: #A, id, name, comment",
            ],
            Messages(result));
    }

    [Fact]
    public void Read_DuplicateStanceAndDuplicateActor_AreReported()
    {
        var result = Read("#A;a\n#A;a\n#P;p\n#D;a;p;10;0.5;1\n#D;a;p;20;0.5;1\n");

        Assert.Equal(
            [
                "in.csv:2:4: duplicate actor id 'a'; every actor needs its own id",
                "in.csv:5:1: stance of 'a' on 'p': duplicate stance; give each actor at most one stance per issue",
            ],
            Messages(result));
    }

    [Fact]
    public void Read_ActorWithoutStance_IsLeftOut()
    {
        var result = Read("#A;a\n#A;idle\n#P;p\n#D;a;p;10;0.5;1\n");

        Assert.Equal(["a"], result.Scenario!.Actors.Select(a => a.Id));
    }

    [Fact]
    public void Read_OneScalePoint_ReportsTheScaleAtThatRow()
    {
        var result = Read("#A;a\n#P;p\n#M;p;5\n#D;a;p;5;0.5;1\n");

        Assert.Equal(["in.csv:3:6: issue 'p': scale max 5 must be greater than min 5"], Messages(result));
    }
}

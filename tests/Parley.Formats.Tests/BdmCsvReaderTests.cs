using Parley.Tests.Shared;

namespace Parley.Formats.Tests;

public sealed class BdmCsvReaderTests
{
    private static readonly BdmCsvReader Reader = new();

    private static ReadResult Read(string text) => Reader.Read(text, "case.csv");

    private static string[] Messages(string text) => [.. Read(text).Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Read_ValidFile_BuildsOneIssueWithScaleFromThePositions()
    {
        var result = Read("Actor,Capability,Position,Salience\nA,0.5,4,0.8\nB,1,10,0.4\n");

        Assert.True(result.Succeeded);
        var scenario = result.Scenario!;
        var issue = Assert.Single(scenario.Issues);
        Assert.Equal(4, issue.ScaleMin);
        Assert.Equal(10, issue.ScaleMax);
        Assert.Null(issue.StatusQuo);
        Assert.Equal(["A", "B"], scenario.Actors.Select(a => a.Id));
        var stances = scenario.StancesOn(issue.Id);
        Assert.Equal(0.5, stances[0].Capability);
        Assert.Equal(10, stances[1].Position);
        Assert.Equal(0.4, stances[1].Salience);
    }

    [Fact]
    public void Read_HeaderInAnyCaseAndOrderWithExtraColumns_ReadsTheNamedColumns()
    {
        var result = Read("salience,Notes,POSITION,actor,capability\n0.5,\"says \"\"no\"\", firmly\",30,\"Smith, J.\",2\n1,,70,Jones,3\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var stances = result.Scenario!.StancesOn("issue");
        Assert.Equal("Smith, J.", stances[0].ActorId);
        Assert.Equal(30, stances[0].Position);
        Assert.Equal(2, stances[0].Capability);
        Assert.Equal(1, stances[1].Salience);
    }

    [Fact]
    public void Read_AnySalienceAboveOne_ReadsTheWholeFileOnZeroToHundred()
    {
        var result = Read("Actor,Capability,Position,Salience\nA,1,0,80\nB,1,100,1\n");

        Assert.True(result.Succeeded);
        var stances = result.Scenario!.StancesOn("issue");
        Assert.Equal(0.8, stances[0].Salience, 12);
        Assert.Equal(0.01, stances[1].Salience, 12);
    }

    [Fact]
    public void Read_OnePercentageAmongFractions_IsLocatedAtThePercentage()
    {
        // QA issue 16: 50 among 0.x saliences turned the file to 0-100 and cut every other salience a hundredfold, without a word.
        Assert.Equal(
            ["case.csv:3:8: salience 50 is on 0-100 but the file's other saliences are on 0-1 (0.8 on line 2 and 1 more); one scale is read for the whole file, and on 0-100 0.8 would weigh 0.008, a hundredth of what it says; write 50 as 0.5, or write every salience on 0-100"],
            Messages("Actor,Capability,Position,Salience\nA,1,0,0.8\nB,1,50,50\nC,1,100,0.4\n"));
    }

    [Fact]
    public void Read_OneFractionAmongPercentages_IsLocatedAtTheFraction()
    {
        Assert.Equal(
            ["case.csv:4:9: salience 0.5 is on 0-1 but the file's other saliences are on 0-100 (80 on line 2 and 2 more); one scale is read for the whole file, and on 0-100 0.5 would weigh 0.005, a hundredth of what it says; write it as 50 (and the 1 other salience below 1 likewise), or write every salience on 0-1"],
            Messages("Actor,Capability,Position,Salience\nA,1,0,80\nB,1,50,40\nC,1,100,0.5\nD,1,30,0.25\nE,1,60,30\n"));
    }

    [Fact]
    public void Read_AsManyOnEachScale_TakesTheScaleOfTheFirst()
    {
        // The QA's b_pct.csv: read as A 0.5 and B 0.005 before.
        Assert.Equal(
            ["case.csv:3:9: salience 0.5 is on 0-1 but the file's other saliences are on 0-100 (50 on line 2); one scale is read for the whole file, and on 0-100 0.5 would weigh 0.005, a hundredth of what it says; write it as 50, or write every salience on 0-1"],
            Messages("Actor,Capability,Position,Salience\nA,10,20,50\nB,10,80,0.5\n"));
    }

    [Theory]
    [InlineData("0.8", "1", "0", 0.8, 1.0, 0.0)]
    [InlineData("80", "1", "0", 0.8, 0.01, 0.0)]
    [InlineData("80", "100", "0", 0.8, 1.0, 0.0)]
    public void Read_ZeroAndOne_FitEitherScale(string a, string b, string c, double expectedA, double expectedB, double expectedC)
    {
        var result = Read($"Actor,Capability,Position,Salience\nA,1,0,{a}\nB,1,50,{b}\nC,1,100,{c}\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal([expectedA, expectedB, expectedC], result.Scenario!.StancesOn("issue").Select(s => s.Salience));
    }

    [Fact]
    public void Read_AllPositionsEqualWithinHundred_UsesZeroToHundred()
    {
        var issue = Read("Actor,Capability,Position,Salience\nA,1,40,1\nB,1,40,1\n").Scenario!.Issues[0];

        Assert.Equal((0.0, 100.0), (issue.ScaleMin, issue.ScaleMax));
    }

    [Fact]
    public void Recognizes_BdmHeader_ButNotOtherCsv()
    {
        Assert.True(Reader.Recognizes("\n Actor , capability,Position,Salience,Extra\nA,1,2,3,4", "x.txt"));
        Assert.False(Reader.Recognizes("Actor,Capability,Position\nA,1,2", "x.csv"));
    }

    [Theory]
    [InlineData("Actor,Capability,Position\nA,1,2\n", "case.csv:1:1: missing column 'Salience'; the header needs Actor, Capability, Position and Salience (any order, any case)")]
    [InlineData("Name,Capability,Position,Weight\nA,1,2,3\n", "case.csv:1:1: missing columns 'Actor', 'Salience'; the header needs Actor, Capability, Position and Salience (any order, any case)")]
    [InlineData("Actor,Capability,Position,Salience,position\nA,1,2,0.5,3\n", "case.csv:1:36: column 'position' appears twice; name each of Actor, Capability, Position and Salience once")]
    [InlineData("", "case.csv:1:1: the file is empty; a BDM CSV needs a header (Actor, Capability, Position, Salience) and one row per actor")]
    [InlineData("\n  \n", "case.csv:1:1: the file is empty; a BDM CSV needs a header (Actor, Capability, Position, Salience) and one row per actor")]
    [InlineData("Actor,Capability,Position,Salience\n", "case.csv:1:1: the file has a header but no actors; add one row per actor below the header")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,abc,0.5\n", "case.csv:3:5: position is 'abc', not a number; write a number with a decimal point, e.g. 0.5")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,,3,0.5\n", "case.csv:3:3: capability is empty; write a number with a decimal point, e.g. 0.5")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,NaN\n", "case.csv:3:7: salience is NaN; it must be a finite number")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,Infinity,0.5\n", "case.csv:3:5: position is Infinity; it must be a finite number")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,-3,3,0.5\n", "case.csv:3:3: actor 'B': capability -3 is not allowed; capability is a finite number of 0 or more")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,-0.5\n", "case.csv:3:7: salience -0.5 is out of range; salience is from 0 to 1, or from 0 to 100 for the whole file")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,50\nB,1,3,150\n", "case.csv:3:7: salience 150 is out of range; salience is from 0 to 1, or from 0 to 100 for the whole file")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nA,1,3,0.5\n", "case.csv:3:1: duplicate actor id 'A'; every actor needs its own id")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\n ,1,3,0.5\n", "case.csv:3:2: the actor name is empty; give every actor a name")]
    [InlineData("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3\n", "case.csv:3:1: this row has 3 fields but the header has 4; give every row one field per column")]
    public void Read_BrokenFile_ReportsTheProblemWhereItIs(string text, string expected)
    {
        var messages = Messages(text);

        Assert.Contains(expected, messages);
        Assert.False(Read(text).Succeeded);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsThemAllInFileOrder()
    {
        var messages = Messages("Actor,Capability,Position,Salience\nA,x,2,0.5\nB,1,y,0.5\nC,-1,3,2000\n");

        Assert.Equal(
            [
                "case.csv:2:3: capability is 'x', not a number; write a number with a decimal point, e.g. 0.5",
                "case.csv:3:5: position is 'y', not a number; write a number with a decimal point, e.g. 0.5",
                "case.csv:4:3: actor 'C': capability -1 is not allowed; capability is a finite number of 0 or more",
                "case.csv:4:8: salience 2000 is out of range; salience is from 0 to 1, or from 0 to 100 for the whole file",
            ],
            messages);
    }

    [Fact]
    public void ScenarioFiles_DetectsBdmCsvByContent()
    {
        var result = ScenarioFiles.ReadText("Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,3,0.5\n", "anything.txt");

        Assert.True(result.Succeeded);
        Assert.Equal(ScenarioFormat.BdmCsv, ScenarioFiles.Detect("Actor,Capability,Position,Salience\n", "x")!.Format);
    }

    public static TheoryData<string> ReferenceFiles()
    {
        var data = new TheoryData<string>();
        if (ReferenceData.Directory is { } root)
        {
            data.Add("bdm/emissions-1994.csv");
            foreach (var file in Directory.GetFiles(Path.Combine(root, "bdm", "cases"), "*.csv").Order(StringComparer.Ordinal))
            {
                data.Add("bdm/cases/" + Path.GetFileName(file));
            }
        }
        else
        {
            data.Add("bdm/emissions-1994.csv");
        }

        return data;
    }

    [ReferenceTheory]
    [ReferenceMemberData(nameof(ReferenceFiles))]
    public void Read_ReferenceCase_LoadsEveryActor(string relativePath)
    {
        var path = ReferenceData.PathOf(relativePath);
        var rows = File.ReadAllLines(path).Skip(1).Count(l => !string.IsNullOrWhiteSpace(l));

        var result = ScenarioFiles.Read(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(rows, result.Scenario!.Actors.Length);
        Assert.All(result.Scenario.Stances, s => Assert.InRange(s.Salience, 0, 1));
    }
}

using Parley.Formats;
using Parley.Formats.Ktab;
using Parley.Tests.Shared;

namespace Parley.Formats.Tests.Ktab;

public sealed class KtabCsvReaderTests
{
    private static ReadResult Read(string text) => new KtabCsvReader().Read(text.Replace("\r", string.Empty), "broken.csv");

    private static string[] Problems(string text) => [.. Read(text).Diagnostics.Select(d => d.ToString())];

    [ReferenceTheory]
    [ReferenceInlineData("dummyData_3Dim.csv", 7, 3)]
    [ReferenceInlineData("dummyData_6Dim.csv", 27, 6)]
    [ReferenceInlineData("dummyData-a040.csv", 40, 1)]
    [ReferenceInlineData("SOE-Competitive.csv", 34, 1)]
    [ReferenceInlineData("SOE-Pol-Comp.csv", 13, 2)]
    [ReferenceInlineData("SOE-Policy.csv", 26, 1)]
    public void Read_EveryKtabSampleCsv_LoadsWithDetectedFormat(string file, int actors, int dimensions)
    {
        var path = ReferenceData.PathOf(Path.Combine("ktab", file));

        var result = ScenarioFiles.Read(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(actors, result.Scenario!.Actors.Length);
        Assert.Equal(dimensions, result.Scenario.Issues.Length);
        Assert.Equal(actors * dimensions, result.Scenario.Stances.Length);
        Assert.All(result.Scenario.Stances, s => Assert.InRange(s.Salience, 0, 1));
        Assert.Equal(ScenarioFormat.KtabCsv, ScenarioFiles.Detect(File.ReadAllText(path), path)!.Format);
    }

    [ReferenceFact]
    public void Read_DummyData3Dim_ConvertsKtabScales()
    {
        var scenario = ScenarioFiles.Read(ReferenceData.PathOf("ktab/dummyData_3Dim.csv")).Scenario!;

        Assert.Equal("DummyData_3Dim", scenario.Title);
        Assert.Equal("Dummy scenario to test reading format", scenario.Description);
        Assert.Equal(["Pstn1", "Pstn2", "Pstn3"], scenario.Issues.Select(i => i.Id));
        var first = scenario.Actors[0];
        Assert.Equal("SActor-00", first.Id);
        Assert.Equal("Random Spatial Actor", first.Description);
        Assert.Equal(102.543, first.Capability);
        var stance = scenario.FindStance("SActor-00", "Pstn2")!;
        Assert.Equal(6.37, stance.Position);
        Assert.Equal(5.91 / 100, stance.Salience);
        Assert.All(scenario.Issues, i => Assert.Equal((0.0, 100.0), (i.ScaleMin, i.ScaleMax)));
    }

    [Fact]
    public void Read_QuotedFieldsSpacesAndCrLf_AreAccepted()
    {
        var result = new KtabCsvReader().Read("S ,\"A, quoted description\",3,1,\r\nActor,Description,Power,Dim A,Sal A,\r\nx, first , 1.5, 10, 20,\r\ny,second,2,20,30\r\nz,third,3,30,40,,,\r\n\r\n", "ok.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("A, quoted description", result.Scenario!.Description);
        Assert.Equal("Dim A", result.Scenario.Issues.Single().Id);
        Assert.Equal("first", result.Scenario.Actors[0].Description);
    }

    [Fact]
    public void Read_FewerRowsThanDeclared_PointsAtTheCount()
    {
        Assert.Equal(
            ["broken.csv:1:11: line 1 declares 3 actor(s) but the file has 2 actor row(s); make the count match the rows"],
            Problems("Scen,Desc,3,1,\nActor,Description,Power,P1,S1,\nA,a,10,50,50,\nB,b,20,60,40,\n"));
    }

    [Fact]
    public void Read_MoreRowsThanDeclared_PointsAtTheFirstExtraRow()
    {
        Assert.Equal(
            ["broken.csv:5:1: line 1 declares 2 actor(s) but the file has 3 actor row(s); make the count match the rows"],
            Problems("Scen,Desc,2,1,\nActor,Description,Power,P1,S1,\nA,a,10,50,50,\nB,b,20,60,40,\nC,c,20,60,40,\n"));
    }

    [Fact]
    public void Read_NotANumber_PointsAtTheField()
    {
        Assert.Equal(
            [
                "broken.csv:3:5: power 'ten' is not a number; write numbers like 42 or 57.5",
                "broken.csv:4:8: position 'high' is not a number; write numbers like 42 or 57.5",
            ],
            Problems("Scen,Desc,2,1,\nActor,Description,Power,P1,S1,\nA,a,ten,50,50,\nB,b,20,high,40,\n"));
    }

    [Fact]
    public void Read_MissingColumns_PointsAtTheEndOfTheRow()
    {
        Assert.Equal(
            ["broken.csv:4:11: the row has 4 field(s); it needs 7: name, description, power, then a position and a salience per dimension"],
            Problems("Scen,Desc,2,2,\nActor,Description,Power,P1,S1,P2,S2\nA,a,10,50,50,20,10\nB,b,20,60,\n"));
    }

    [Fact]
    public void Read_HeaderTooShortForTheDimensions_IsReported()
    {
        Assert.Equal(
            ["broken.csv:2:31: the header has 5 column(s); with 2 dimension(s) it needs 7: Actor, Description, Power, then a position and a salience column per dimension"],
            Problems("Scen,Desc,2,2,\nActor,Description,Power,P1,S1,\nA,a,10,50,50,20,10\nB,b,20,60,40,20,10\n"));
    }

    [Fact]
    public void Read_HeaderWiderThanTheDimensions_PointsAtTheFirstExtraColumn()
    {
        // QA issue 15: line 1 declares 2 dimensions while the header and rows carry a third; it was read as 2 issues without a word.
        Assert.Equal(
            ["broken.csv:2:47: the header has 9 column(s) but line 1 declares 2 dimension(s), which take 7: Actor, Description, Power, then a position and a salience column per dimension; 'Pstn3' and the columns after it would be ignored: declare 3 dimensions on line 1, or remove the extra columns"],
            Problems("Scen,Desc,2,2,\nActor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3,\nA,a,10,50,50,20,10,30,40,\nB,b,20,60,40,20,10,70,60,\n"));
    }

    [Fact]
    public void Read_HeaderWithAnOddExtraColumn_SaysToMatchThePairs()
    {
        Assert.Equal(
            ["broken.csv:2:31: the header has 6 column(s) but line 1 declares 1 dimension(s), which take 5: Actor, Description, Power, then a position and a salience column per dimension; 'Note' and the columns after it would be ignored: declare as many dimensions as there are position and salience column pairs on line 1, or remove the extra columns"],
            Problems("Scen,Desc,1,1,\nActor,Description,Power,P1,S1,Note\nA,a,10,50,50,x\n"));
    }

    [Fact]
    public void Read_RowWiderThanTheDimensions_PointsAtTheFirstExtraField()
    {
        Assert.Equal(
            ["broken.csv:4:19: the row has 7 field(s) but 1 dimension(s) take 5: name, description, power, then a position and a salience per dimension; '99' and the fields after it would be ignored: remove them, or add their dimension to the header and to line 1's count"],
            Problems("Big ,\"d\",2,1,\nActor,Description,Power,Pstn1,Sal1\nA, d, 10, 20, 50\nB, d, 10, 80, 50, 99, 99\n"));
    }

    [Fact]
    public void Read_TrailingEmptyColumns_AreStillIgnored()
    {
        var result = Read("Scen,Desc,1,1,,,\nActor,Description,Power,P1,S1,,,\nA,a,10,50,50, , ,\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Single(result.Scenario!.Issues);
    }

    [Fact]
    public void Read_BadCounts_AreReportedTogether()
    {
        Assert.Equal(
            [
                "broken.csv:1:11: number of actors 'x' is not allowed; give a whole number of 1 or more",
                "broken.csv:1:13: number of dimensions '0' is not allowed; give a whole number of 1 or more",
            ],
            Problems("Scen,Desc,x,0\nActor,Description,Power,P1,S1\n"));
    }

    [Fact]
    public void Read_OutOfRangeValues_AreAllReported()
    {
        Assert.Equal(
            [
                "broken.csv:3:5: power 0 is out of range; KTAB capabilities are greater than 0 and at most 1e8",
                "broken.csv:3:7: position 150 is out of range; KTAB positions are from 0 to 100",
                "broken.csv:4:17: salience -5 is out of range; KTAB saliences are from 0 to 100",
                "broken.csv:5:11: the saliences of 'C' sum to 110; KTAB needs a sum greater than 0 and at most 100",
            ],
            Problems("Scen,Desc,3,2,\nActor,Description,Power,P1,S1,P2,S2,\nA,a,0,150,50,20,10,\nB,b,20,60,40,20,-5,\nC,c,20,60,60,20,50,\n"));
    }

    [Fact]
    public void Read_DuplicateActor_IsReportedByTheSharedChecks()
    {
        Assert.Equal(
            [
                "broken.csv:4:1: duplicate actor id 'A'; every actor needs its own id",
                "broken.csv:4:1: stance of 'A' on 'P1': duplicate stance; give each actor at most one stance per issue",
            ],
            Problems("Scen,Desc,2,1,\nActor,Description,Power,P1,S1,\nA,a,10,50,50,\nA,b,20,60,40,\n"));
    }

    [Fact]
    public void Recognizes_KtabCsvButNotOtherText()
    {
        var reader = new KtabCsvReader();

        Assert.True(reader.Recognizes("S,D,3,1,\nActor,Description,Power,P,S\n", "x.csv"));
        Assert.False(reader.Recognizes("Actor,Capability,Position,Salience\nA,1,2,3\n", "x.csv"));
        Assert.False(reader.Recognizes("actors:\n  - id: a\n", "x.yaml"));
    }
}

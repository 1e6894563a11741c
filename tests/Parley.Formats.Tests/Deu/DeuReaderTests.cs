using Parley.Core.Backtesting;
using Parley.Formats.Deu;

namespace Parley.Formats.Tests.Deu;

public sealed class DeuReaderTests
{
    private static readonly string ValidFile = DeuText.File(
        DeuText.Header,
        DeuText.GdpRow,
        DeuText.Row("1", "d1i1", "COD", "QMV", "26-01-00", ("100", "50"), ("0", "80"), ("40", "20"), (null, "0"), "0", "60"),
        DeuText.Row("1", "d1i2", "COD", "QMV", "26-01-00", ("50", "100"), ("20", null), ("70", "40"), ("10", "30"), "", ""),
        DeuText.Row("3", "d3i1", "CNS", "Unan", "14-03-06", ("10", "40"), ("90", "60"), ("30", "50"), ("20", "50"), "100", "25"));

    [Fact]
    public void ReadDataset_ValidFile_MakesOneIssueScenarioPerRowWithStatusQuoAndOutcome()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv");

        Assert.True(dataset.Succeeded, string.Join("\n", dataset.Diagnostics));
        Assert.Equal(3, dataset.Rows.Length);
        var first = dataset.Rows[0];
        Assert.Equal(3, first.Line);
        Assert.Equal("1", first.ProposalNumber);
        Assert.Equal("COD", first.Procedure);
        Assert.Equal("QMV", first.VotingRule);
        Assert.Equal(new DateOnly(2000, 1, 26), first.Introduced);
        var issue = Assert.Single(first.Scenario.Issues);
        Assert.Equal("d1i1", issue.Id);
        Assert.Equal(0, issue.StatusQuo);
        Assert.Equal(60, issue.Outcome);
        Assert.Equal(100, issue.ScaleMax);
        Assert.Contains("procedure COD", first.Scenario.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_EmptyCellsAndPositionsWithoutSalience_AreNoStance()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv");

        // Row 1: lu has a salience but no position; row 2: ep has a position but no salience.
        Assert.Equal(["com", "ep", "de"], dataset.Rows[0].Scenario.Stances.Select(s => s.ActorId));
        Assert.Equal(["com", "de", "lu"], dataset.Rows[1].Scenario.Stances.Select(s => s.ActorId));
        Assert.Null(dataset.Rows[1].Outcome);
        Assert.Null(dataset.Rows[1].ReferencePoint);
    }

    [Fact]
    public void ReadDataset_Saliences_AreDividedBy100()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv");

        var stances = dataset.Rows[0].Scenario.StancesOn("d1i1");
        Assert.Equal([0.5, 0.8, 0.2], stances.Select(s => s.Salience));
        Assert.All(stances, s => Assert.Equal(1.0, s.Capability));
    }

    [Fact]
    public void ToBacktestCases_ByIssue_KeepsRowsWithOutcomeGroupedByProposal()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv");
        var cases = BacktestCase.For(dataset.ToBacktestCases(), BacktestMode.Issue);

        Assert.Equal(["d1/d1i1", "d3/d3i1"], cases.Select(c => c.Id));
        Assert.Equal(["1", "3"], cases.Select(c => c.Group));

        // Split from the proposal, a row's case holds what the row's own one-issue scenario holds.
        var row = dataset.Rows[0].Scenario;
        var split = cases[0].Scenario;
        Assert.Equal(row.Actors.Select(a => (a.Id, a.Capability)), split.Actors.Select(a => (a.Id, a.Capability)));
        Assert.Equal(row.StancesOn("d1i1").ToArray(), split.StancesOn("d1i1").ToArray());
        Assert.Equal(row.Issues.ToArray(), split.Issues.ToArray());
    }

    [Fact]
    public void ToBacktestCases_ByProposal_KeepsEveryIssueAndEachRowsCapabilities()
    {
        var cases = DeuReader.ReadDataset(ValidFile, "test.tsv", DeuCapability.Votes).ToBacktestCases();

        Assert.Equal(["d1", "d3"], cases.Select(c => c.Id));
        var first = cases[0].Scenario;
        Assert.Equal(["d1i1", "d1i2"], first.Issues.Select(i => i.Id));
        Assert.Equal(["com", "ep", "de", "lu"], first.Actors.Select(a => a.Id));
        Assert.All(first.Actors, a => Assert.NotNull(a.Capability));
        Assert.Equal(first.StancesOn("d1i1").Single(s => s.ActorId == "de").Capability, first.FindActor("de")!.Capability);
        var de = first.StancesOn("d1i1").Single(s => s.ActorId == "de").Capability;
        Assert.Equal(de, first.StancesOn("d1i2").Single(s => s.ActorId == "de").Capability, 12);
        Assert.True(de > first.StancesOn("d1i2").Single(s => s.ActorId == "lu").Capability);
    }

    [Fact]
    public void ReadDataset_Gdp_TakesCapabilitiesFromTheSecondRow()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv", DeuCapability.Gdp);

        Assert.True(dataset.Succeeded, string.Join("\n", dataset.Diagnostics));
        var stances = dataset.Rows[1].Scenario.StancesOn("d1i2");
        Assert.Equal([4.1, 4.1, 0.04], stances.Select(s => s.Capability));
    }

    [Fact]
    public void ReadDataset_BadCapabilityRow_MattersOnlyForGdp()
    {
        var text = ValidFile.Replace("\t4.1\t4.1\t4.1\t0.04\t", "\t4.1\tn/a\t4.1\t0.04\t", StringComparison.Ordinal);

        var gdp = DeuReader.ReadDataset(text, "test.tsv", DeuCapability.Gdp);

        Assert.Contains(gdp.Diagnostics, d => d.Line == 2 && d.Message.Contains("capability 'n/a' of 'ep'", StringComparison.Ordinal));
        Assert.True(DeuReader.ReadDataset(text, "test.tsv").Succeeded);
    }

    [Fact]
    public void ReadDataset_GdpWithoutCapabilityRow_ReportsOnce()
    {
        var text = DeuText.File(
            DeuText.Header,
            DeuText.Row("1", "d1i1", "COD", "QMV", "26-01-00", ("100", "50"), ("0", "80"), ("40", "20"), (null, null), "0", "60"),
            DeuText.Row("1", "d1i2", "COD", "QMV", "26-01-00", ("100", "50"), ("0", "80"), ("40", "20"), (null, null), "0", "60"));

        var dataset = DeuReader.ReadDataset(text, "nogdp.tsv", DeuCapability.Gdp);

        var problem = Assert.Single(dataset.Diagnostics);
        Assert.Equal(2, problem.Line);
        Assert.Contains("capability row", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_Votes_GivesLargeStatesMorePowerUnderQmvAndEqualPowerUnderUnanimity()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv", DeuCapability.Votes);

        Assert.True(dataset.Succeeded, string.Join("\n", dataset.Diagnostics));
        var qmv = dataset.Rows[1].Scenario.StancesOn("d1i2").ToDictionary(s => s.ActorId, s => s.Capability);
        Assert.True(qmv["de"] > 3 * qmv["lu"], $"de {qmv["de"]} vs lu {qmv["lu"]}");
        Assert.Equal(qmv["de"], qmv["com"], 12);
        Assert.Contains("Amsterdam EU15", dataset.Rows[1].Scenario.Description, StringComparison.Ordinal);

        var unanimity = dataset.Rows[2].Scenario.StancesOn("d3i1").ToDictionary(s => s.ActorId, s => s.Capability);
        Assert.Equal(unanimity["de"], unanimity["lu"], 12);
        Assert.Equal(1.0 / 25, unanimity["de"], 12);
        Assert.Equal(0, unanimity["ep"]);
    }

    [Fact]
    public void ReadDataset_VotesUnderCodecision_GivesParliamentAStrongMemberStatesWeight()
    {
        var dataset = DeuReader.ReadDataset(ValidFile, "test.tsv", DeuCapability.Votes);

        var cod = dataset.Rows[0].Scenario.StancesOn("d1i1").ToDictionary(s => s.ActorId, s => s.Capability);
        Assert.Equal(cod["de"], cod["ep"], 12);
    }

    [Fact]
    public void ReadDataset_BrokenRows_ReportsEveryProblemWithLineAndColumn()
    {
        var text = DeuText.File(
            DeuText.Header,
            DeuText.Row("1", "d1i1", "COD", "QMV", "26-01-00", ("abc", "50"), ("0", "80"), ("40", "20"), (null, null), "0", "60"),
            DeuText.Row("1", "d1i2", "COD", "QMV", "26-01-00", ("100", "50"), ("0", "180"), ("40", "20"), (null, null), "0", "60"),
            "1\t1\ttoo\tfew",
            DeuText.Row("2", "d2i1", "COD", "Majority", "26-01-00", ("100", "50"), ("0", "80"), ("40", "20"), (null, null), "0", "1e400"),
            DeuText.Row("2", "d2i1", "COD", "QMV", "26-01-00", ("100", "50"), (null, null), (null, null), (null, null), "0", "50"),
            DeuText.Row("2", "d2i3", "COD", "QMV", "26-01-00", (null, null), (null, null), (null, null), (null, null), "0", "50"),
            DeuText.Row("2", "d2i4", "COD", "QMV", "26-01-00", ("100", "50"), ("0", "80"), ("40", "20"), (null, null), "0", "50"));

        var dataset = DeuReader.ReadDataset(text, "broken.tsv", DeuCapability.Votes);

        Assert.False(dataset.Succeeded);
        var lines = dataset.Diagnostics.Select(d => d.Line).ToArray();
        Assert.Equal([2, 3, 4, 5, 5, 6, 7], lines);
        var bad = dataset.Diagnostics[0];
        Assert.Equal("broken.tsv", bad.File);
        Assert.Equal(ColumnOfPcom(text), bad.Column);
        Assert.Contains("'abc' is not a number", bad.Message, StringComparison.Ordinal);
        Assert.Contains("outside 0–100", dataset.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("has 4 cells but the header has 21", dataset.Diagnostics[2].Message, StringComparison.Ordinal);
        Assert.Contains(dataset.Diagnostics, d => d.Line == 5 && d.Message.Contains("voting rule 'Majority'", StringComparison.Ordinal));
        Assert.Contains(dataset.Diagnostics, d => d.Line == 5 && d.Message.Contains("'1e400' is not a number", StringComparison.Ordinal));
        Assert.Contains("appears twice", dataset.Diagnostics[5].Message, StringComparison.Ordinal);
        Assert.Contains("no stance", dataset.Diagnostics[6].Message, StringComparison.Ordinal);
        Assert.Equal(["d2i4"], dataset.Rows.Select(r => r.IssueId));
        Assert.DoesNotContain(DeuReader.ReadDataset(text, "broken.tsv").Diagnostics, d => d.Message.Contains("voting rule", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadDataset_MissingHeaderColumns_AreAllReported()
    {
        var text = "prnrnmc\tisnr\tpcom\tscom\tpep\nx\ty\t1\t2\t3\n";

        var dataset = DeuReader.ReadDataset(text, "header.tsv");

        Assert.Empty(dataset.Rows);
        Assert.All(dataset.Diagnostics, d => Assert.Equal(1, d.Line));
        Assert.Contains(dataset.Diagnostics, d => d.Message.Contains("no column 'rp'", StringComparison.Ordinal));
        Assert.Contains(dataset.Diagnostics, d => d.Message.Contains("no column 'out'", StringComparison.Ordinal));
        Assert.Contains(dataset.Diagnostics, d => d.Message.Contains("no column 'proc'", StringComparison.Ordinal));
        Assert.Contains(dataset.Diagnostics, d => d.Message.Contains("'pep' has no salience column 'sep'", StringComparison.Ordinal) && d.Column == 24);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void ReadDataset_EmptyFile_SaysAHeaderIsNeeded(string text)
    {
        var problem = Assert.Single(DeuReader.ReadDataset(text, "empty.tsv").Diagnostics);

        Assert.Equal((1, 1), (problem.Line, problem.Column));
        Assert.Contains("no header row", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDataset_VotesWithUnknownActorOrDate_IsLocated()
    {
        var header = DeuText.Header.Replace("\tpcom\t", "\tpxx\t", StringComparison.Ordinal).Replace("\tscom\t", "\tsxx\t", StringComparison.Ordinal);
        var text = DeuText.File(
            header,
            DeuText.Row("1", "d1i1", "COD", "QMV", "someday", ("100", "50"), ("0", "80"), ("40", "20"), (null, null), "0", "60"));

        var dataset = DeuReader.ReadDataset(text, "votes.tsv", DeuCapability.Votes);

        Assert.Contains(dataset.Diagnostics, d => d.Message.Contains("intro 'someday' is not a date", StringComparison.Ordinal));
        Assert.Contains(dataset.Diagnostics, d => d.Message.Contains("actor 'xx' has no Council voting weight", StringComparison.Ordinal));
        Assert.True(DeuReader.ReadDataset(text, "votes.tsv").Succeeded);
    }

    [Fact]
    public void ScenarioFiles_DetectsDeuAndReadsOneIssuePerRow()
    {
        var result = ScenarioFiles.ReadText(ValidFile, "test.tsv");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["d1i1", "d1i2", "d3i1"], result.Scenario!.Issues.Select(i => i.Id));
        Assert.Equal(60, result.Scenario.Issues[0].Outcome);
    }

    [Theory]
    [InlineData("equal", DeuCapability.Equal)]
    [InlineData("GDP", DeuCapability.Gdp)]
    [InlineData(" votes ", DeuCapability.Votes)]
    [InlineData("power", null)]
    public void ParseCapability_KnowsTheThreeOptions(string name, DeuCapability? expected) =>
        Assert.Equal(expected, DeuReader.ParseCapability(name));

    [Theory]
    [InlineData("26-01-00", 2000, 1, 26)]
    [InlineData("14-03-96", 1996, 3, 14)]
    [InlineData("13-09-2017", 2017, 9, 13)]
    [InlineData("2029-09-04", 2004, 9, 29)]
    [InlineData("1930-11-05", 2005, 11, 30)]
    public void ParseDate_ReadsDayFirstDatesAndRepairsSpreadsheetMisreadings(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DeuReader.ParseDate(text));

    [Theory]
    [InlineData("")]
    [InlineData("999")]
    [InlineData("31-02-05")]
    public void ParseDate_RejectsWhatIsNotADate(string text) => Assert.Null(DeuReader.ParseDate(text));

    private static int ColumnOfPcom(string text)
    {
        var row = text.Split('\n')[1];
        var cells = row.Split('\t');
        var index = DeuText.Header.Split('\t').ToList().IndexOf("pcom");
        return cells.Take(index).Sum(c => c.Length + 1) + 1;
    }
}

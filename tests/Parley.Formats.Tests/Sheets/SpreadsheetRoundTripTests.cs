using System.IO.Compression;
using Parley.Core.Domain;
using Parley.Formats.Sheets;

namespace Parley.Formats.Tests.Sheets;

public sealed class SpreadsheetRoundTripTests
{
    [Fact]
    public void Xlsx_Alaska_ReadsBackAsTheSameScenario()
    {
        var alaska = SheetFiles.Alaska();

        var read = SpreadsheetFiles.ReadWorkbook(SpreadsheetFiles.ToXlsx(alaska), "alaska.xlsx");

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal(SheetFiles.Yaml(alaska), SheetFiles.Yaml(read.Scenario!));
        Assert.NotEmpty(read.Scenario!.Stances.SelectMany(s => s.Evidence));
        Assert.NotEmpty(read.Scenario.Stages);
    }

    [Theory]
    [InlineData("small.yaml")]
    [InlineData("small-ktab.csv")]
    [InlineData("small-ktab.xml")]
    [InlineData("small-decide.csv")]
    [InlineData("small-bdm.csv")]
    public void Xlsx_EverySample_ReadsBackAsTheSameScenario(string sample)
    {
        var scenario = ScenarioFiles.Read(Path.Combine(AppContext.BaseDirectory, "Samples", sample)).Scenario!;

        var read = ScenarioFiles.ReadBytes(SpreadsheetFiles.ToXlsx(scenario), "matrix.xlsx");

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal(SheetFiles.Yaml(scenario), SheetFiles.Yaml(read.Scenario!));
    }

    [Fact]
    public void Xlsx_GeneratedNumbers_RoundTripExactlyAsNumbers()
    {
            var random = new Random(7);
            var stances = Enumerable.Range(0, 200).Select(i => new Stance
            {
            ActorId = $"a{i}",
            IssueId = "x",
            Position = random.NextDouble() * 100,
            Salience = i == 0 ? 1.0 / 3 : random.NextDouble(),
            Capability = i == 1 ? 1e-300 : random.NextDouble() * 1e6,
            }).ToList();
            var scenario = new Scenario
            {
            Id = "numbers",
            Title = "Numbers",
            Actors = [.. stances.Select(s => new Actor { Id = s.ActorId, Name = s.ActorId, Capability = 0.1 + s.Position })],
            Issues = [new Issue { Id = "x", Name = "X", ScaleMin = 0, ScaleMax = 100 }],
            Stances = [.. stances],
            };

            var bytes = SpreadsheetFiles.ToXlsx(scenario);
            var read = SpreadsheetFiles.ReadWorkbook(bytes, "n.xlsx");

            Assert.True(read.Succeeded, SheetFiles.Show(read));
            Assert.Equal(stances.Select(s => s.Position), read.Scenario!.Stances.Select(s => s.Position));
            Assert.Equal(stances.Select(s => s.Salience), read.Scenario.Stances.Select(s => s.Salience));
            Assert.Equal(stances.Select(s => s.Capability), read.Scenario.Stances.Select(s => s.Capability));
            var (sheets, _) = XlsxWorkbook.Read(bytes, "n.xlsx");
            var stanceSheet = sheets!.Single(s => s.Name == "Stances");
            Assert.All(stanceSheet.Rows.Skip(1), row => Assert.IsType<double>(row.Cells[3].Value));
            Assert.Contains("<x:v>0.3333333333333333</x:v>", SheetXml(bytes, "Stances"), StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_SameScenarioTwice_GivesByteIdenticalFiles()
    {
        var alaska = SheetFiles.Alaska();

        Assert.Equal(SpreadsheetFiles.ToXlsx(alaska), SpreadsheetFiles.ToXlsx(alaska));
    }

    [Fact]
    public void Csv_Alaska_ImportedIntoItself_GivesTheSameScenario()
    {
        var alaska = SheetFiles.Alaska();

        var csv = SpreadsheetFiles.ToCsv(alaska);
        var read = SpreadsheetFiles.ReadCsv(csv, "alaska.csv", into: alaska);

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal(SheetFiles.Yaml(alaska), SheetFiles.Yaml(read.Scenario!));
        Assert.StartsWith("actor,actor_name,capability,issue,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_Alaska_ReadAlone_KeepsEveryStanceCapabilityAndEvidence()
    {
        var alaska = SheetFiles.Alaska();

        var read = ScenarioFiles.ReadText(SpreadsheetFiles.ToCsv(alaska), "alaska.csv");

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        var scenario = read.Scenario!;
        Assert.Equal(alaska.Stances.Length, scenario.Stances.Length);
        foreach (var stance in alaska.Stances)
        {
            var copy = scenario.FindStance(stance.ActorId, stance.IssueId)!;
            Assert.Equal(stance.Position, copy.Position);
            Assert.Equal(stance.Salience, copy.Salience);
            Assert.Equal(alaska.CapabilityOf(stance), scenario.CapabilityOf(copy));
            Assert.Equal(stance.Evidence.ToArray(), copy.Evidence.ToArray());
        }

        Assert.NotEmpty(SpreadsheetFiles.CsvOmissions(alaska));
    }

    [Fact]
    public void Csv_StancesListedOutOfOrder_ReadBackWithTheActorsAndIssuesInTheScenariosOrder()
    {
        // The reader takes the order from the rows, and the models sum over actors in that order: rows written
        // in the stances' order (here reversed) would reorder the actors and change forecasts in their last bits.
        var alaska = SheetFiles.Alaska();
        var reversed = alaska with { Stances = [.. alaska.Stances.Reverse()] };

        var read = ScenarioFiles.ReadText(SpreadsheetFiles.ToCsv(reversed), "alaska.csv");

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        var speaking = alaska.Stances.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(alaska.Actors.Select(a => a.Id).Where(speaking.Contains), read.Scenario!.Actors.Select(a => a.Id));
        Assert.Equal(alaska.Issues.Select(i => i.Id), read.Scenario.Issues.Select(i => i.Id));
    }

    [Fact]
    public void Csv_IsDetectedAsTheMatrixFormat_AndPeerCsvsAreNot()
    {
        var csv = SpreadsheetFiles.ToCsv(SheetFiles.Alaska());

        Assert.Equal(ScenarioFormat.MatrixCsv, ScenarioFiles.Detect(csv, "x.csv")!.Format);
        foreach (var (sample, format) in new[] { ("small-bdm.csv", ScenarioFormat.BdmCsv), ("small-ktab.csv", ScenarioFormat.KtabCsv), ("small-decide.csv", ScenarioFormat.Decide) })
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", sample));
            Assert.Equal(format, ScenarioFiles.Detect(text, sample)!.Format);
        }
    }

    [Fact]
    public void Xlsx_ImportIntoBaseline_KeepsThePartsOfAbsentSheets()
    {
        var alaska = SheetFiles.Alaska();
        var stance = alaska.Stances[0];
        var rows = new List<object?[]> { new object?[] { "actor", "issue", "position", "salience" } };
        rows.AddRange(alaska.Stances.Select(s => new object?[] { s.ActorId, s.IssueId, s == stance ? 70.5 : s.Position, s.Salience }));

        var read = SpreadsheetFiles.ReadWorkbook(SheetFiles.Workbook(("Stances", [.. rows])), "update.xlsx", into: alaska);

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal(70.5, read.Scenario!.FindStance(stance.ActorId, stance.IssueId)!.Position);
        Assert.Equal(stance.Evidence.ToArray(), read.Scenario.FindStance(stance.ActorId, stance.IssueId)!.Evidence.ToArray());
        Assert.Equal(alaska.Stages.Length, read.Scenario.Stages.Length);
        Assert.Equal(SheetFiles.Yaml(alaska with { Stances = [.. alaska.Stances.Select(s => s == stance ? s with { Position = 70.5 } : s)] }), SheetFiles.Yaml(read.Scenario));
    }

    [Fact]
    public void Xlsx_Draft_KeepsEveryCandidatePassageAndSuggestion()
    {
        var draft = ScenarioFiles.ReadText(Native.DraftStanceTests.Draft, "d.yaml").Scenario!;

        var read = SpreadsheetFiles.ReadWorkbook(SpreadsheetFiles.ToXlsx(draft), "d.xlsx");

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal(SheetFiles.Yaml(draft), SheetFiles.Yaml(read.Scenario!));
        Assert.Equal(draft.DraftStances[0].Candidates.ToArray(), read.Scenario!.DraftStances[0].Candidates.ToArray());
        Assert.Equal(draft.FindActor("p")!.Candidates.ToArray(), read.Scenario.FindActor("p")!.Candidates.ToArray());
        Assert.Equal(70, read.Scenario.DraftStances[0].Suggestion!.Position);
    }

    [Fact]
    public void Xlsx_StanceCandidates_KeepTheirOrderAndTheSpacesOfTheQuote()
    {
        var alaska = SheetFiles.Alaska();
        var stance = alaska.Stances[0];
        CandidateEvidence[] passages =
        [
            new(" spaced words ", "report", 10, 24, CandidateKind.DirectQuote, 0.25),
            new("second", "report", 0, 6, CandidateKind.Description, 1),
            new("third, lower score", "nzherald-2025-08-16", 100, 118, CandidateKind.ReportedSpeech, 0),
        ];
        var withCandidates = alaska with { Stances = [.. alaska.Stances.Select(s => s == stance ? s with { Candidates = [.. passages] } : s)] };

        var read = SpreadsheetFiles.ReadWorkbook(SpreadsheetFiles.ToXlsx(withCandidates), "c.xlsx");

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal(passages, read.Scenario!.FindStance(stance.ActorId, stance.IssueId)!.Candidates.ToArray());
        Assert.Equal(SheetFiles.Yaml(withCandidates), SheetFiles.Yaml(read.Scenario));
    }

    [Fact]
    public void Xlsx_ImportWithoutACandidatesSheet_KeepsTheBaselinesCandidates_AndWithOneReplacesThem()
    {
        var draft = ScenarioFiles.ReadText(Native.DraftStanceTests.Draft, "d.yaml").Scenario!;
        (string, object?[][]) stances = ("Stances", [["actor", "issue", "position", "salience"], ["a", "x", null, null], ["b", "x", 20.0, null]]);

        var kept = SpreadsheetFiles.ReadWorkbook(SheetFiles.Workbook(stances), "update.xlsx", into: draft);
        var replaced = SpreadsheetFiles.ReadWorkbook(
            SheetFiles.Workbook(stances, ("Candidates", [["actor", "issue", "quote", "source", "start", "end", "kind", "score"], ["b", "x", "Beta says no", "report", 50.0, 62.0, "direct_quote", 0.5]])),
            "update.xlsx",
            into: draft);

        Assert.True(kept.Succeeded, SheetFiles.Show(kept));
        Assert.Equal(draft.DraftStances[0].Candidates.ToArray(), kept.Scenario!.DraftStances[0].Candidates.ToArray());
        Assert.Equal(draft.FindActor("p")!.Candidates.ToArray(), kept.Scenario.FindActor("p")!.Candidates.ToArray());
        Assert.True(replaced.Succeeded, SheetFiles.Show(replaced));
        Assert.Empty(replaced.Scenario!.DraftStances[0].Candidates);
        Assert.Empty(replaced.Scenario.FindActor("p")!.Candidates);
        Assert.Equal([new CandidateEvidence("Beta says no", "report", 50, 62, CandidateKind.DirectQuote, 0.5)], replaced.Scenario.DraftStances[1].Candidates.ToArray());
    }

    private static string SheetXml(byte[] xlsx, string sheet)
    {
        using var archive = new ZipArchive(new MemoryStream(xlsx));
        var index = Array.IndexOf(SheetLayoutNames, sheet) + 1;
        using var reader = new StreamReader(archive.GetEntry($"xl/worksheets/sheet{index}.xml")!.Open());
        return reader.ReadToEnd();
    }

    private static readonly string[] SheetLayoutNames = ["Scenario", "Sources", "Actors", "Issues", "Points", "Stances", "Evidence", "Candidates"];
}

using System.IO.Compression;
using Parley.Formats.Sheets;

namespace Parley.Formats.Tests.Sheets;

public sealed class BrokenSpreadsheetTests
{
    private static ReadResult Read(params (string, object?[][])[] sheets) =>
        SpreadsheetFiles.ReadWorkbook(SheetFiles.Workbook(sheets), "matrix.xlsx");

    private static (string, object?[][])[] With(string sheet, object?[][] rows) =>
        [.. SheetFiles.SmallSheets().Select(s => s.Item1 == sheet ? (sheet, rows) : s)];

    [Fact]
    public void SmallWorkbook_IsValid()
    {
        var read = Read(SheetFiles.SmallSheets());

        Assert.True(read.Succeeded, SheetFiles.Show(read));
        Assert.Equal("matrix", read.Scenario!.Id);
    }

    [Fact]
    public void BadCandidateRows_AreEachReportedAtTheirCell()
    {
        var read = Read([.. SheetFiles.SmallSheets(), ("Sources", [["id", "title"], ["report", "A report"]]), ("Candidates", [
            ["actor", "issue", "quote", "source", "start", "end", "kind", "score"],
            ["usa", "sanctions", "fine words", "report", 0.0, 10.0, "direct_quote", 0.5],
            ["nobody", null, "words", "report", 0.0, 5.0, "mention", 0.5],
            ["usa", "nothing", "words", "report", 0.0, 5.0, "mention", 0.5],
            ["usa", "sanctions", "words", "report", 0.0, 9.0, "mention", 0.5],
            ["usa", "sanctions", "words", "report", 0.0, 5.0, "shout", 1.5],
            ["usa", "sanctions", null, "report", -1.0, 5.0, "mention", 0.5],
        ])]);

        Assert.Equal(
        [
            "matrix.xlsx:Candidates!A3: unknown actor 'nobody'; use one of the actor ids (usa, rus)",
            "matrix.xlsx:Candidates!B4: no stance of 'usa' on 'nothing' in the Stances sheet; a candidate passage of a stance needs the stance's row there",
            "matrix.xlsx:Candidates!E5: offsets 0-9 do not fit the quote; start and end are whole character offsets from 0 with end - start equal to the quote's length (5)",
            "matrix.xlsx:Candidates!G6: kind: 'shout' is not allowed; write one of direct_quote, reported_speech, description, mention",
            "matrix.xlsx:Candidates!H6: score 1.5 is not allowed; a score is a number from 0 to 1",
            "matrix.xlsx:Candidates!C7: quote is empty; give the passage's exact words",
            "matrix.xlsx:Candidates!E7: start: -1 is not allowed; write a whole number from 0",
        ], read.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void SuggestionOfADecidedStance_IsReportedAtItsCell_AndAnOpenOnesIsRead()
    {
        var read = Read(With("Stances", [["actor", "issue", "position", "salience", "suggestion", "suggestion_basis"], ["usa", "sanctions", 55.0, 0.6, 40.0, "anchors"], ["rus", "sanctions", null, null, 30.0, "anchors"]]));
        var open = Read(With("Stances", [["actor", "issue", "position", "salience", "suggestion", "suggestion_basis"], ["usa", "sanctions", 55.0, 0.6], ["rus", "sanctions", null, null, 30.0, "anchors"]]));

        Assert.Equal(["matrix.xlsx:Stances!E2: a suggestion is for a stance still open (position or salience empty); this stance is decided: empty suggestion and suggestion_basis"], read.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(new Parley.Core.Domain.PositionSuggestion(30, "anchors"), Assert.Single(open.Scenario!.DraftStances).Suggestion);
    }

    [Fact]
    public void SalienceOutOfRange_IsReportedAtItsCell()
    {
        var read = Read(With("Stances", [["actor", "issue", "position", "salience"], ["usa", "sanctions", 55.0, 1.4], ["rus", "sanctions", 0.0, 0.9]]));

        var problem = Assert.Single(read.Diagnostics);
        Assert.StartsWith("matrix.xlsx:Stances!D2: ", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("salience 1.4", problem.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 to 1", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("Stances", "D2"), (problem.Sheet, problem.Cell));
    }

    [Fact]
    public void WrongTypesAndUnknownIds_AreAllReportedInOnePass()
    {
        var read = Read(
            ("Actors", [["id", "name", "capability", "kind"], ["usa", "United States", "strong", "state"], ["rus", "Russia", 80.0, "empire"]]),
            ("Issues", [["id", "min", "max"], ["sanctions", 0.0, 100.0]]),
            ("Stances", [["actor", "issue", "position", "salience"], ["usa", "sanctions", "high", 0.6], ["rus", "sanctions", 0.0, 0.9], ["chn", "sanctions", 10.0, 0.5], ["usa", "tariffs", 10.0, 0.5]]));

        var shown = read.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Actors!C2: capability: 'strong' is not a number", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Actors!D3: kind: 'empire' is not allowed", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Stances!C2: position: 'high' is not a number", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Stances!A4: ", StringComparison.Ordinal) && d.Contains("unknown actor 'chn'", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Stances!B5: ", StringComparison.Ordinal) && d.Contains("unknown issue 'tariffs'", StringComparison.Ordinal));
    }

    [Fact]
    public void FormulaErrorAndYesNoCells_AreNamed()
    {
        var read = Read(With("Stances", [["actor", "issue", "position", "salience"], ["usa", "sanctions", true, 0.6], ["rus", "sanctions", 0.0, 0.9]]));

        Assert.Contains("matrix.xlsx:Stances!C2: position: the cell holds TRUE, a yes/no value; write a number on the issue's scale", read.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void MissingSheet_NamesTheSheetsTheWorkbookHas()
    {
        var read = Read(SheetFiles.SmallSheets().Where(s => s.Item1 != "Stances").Append(("Stance", [["actor"]])).ToArray());

        var problem = Assert.Single(read.Diagnostics);
        Assert.Contains("no sheet 'Stances'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("it has: Actors, Issues, Stance", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingHeaderColumn_AndUnknownColumn_AreReportedInTheHeader()
    {
        var read = Read(With("Stances", [["actor", "issue", "position", "salince"], ["usa", "sanctions", 55.0, 0.6]]));

        var shown = read.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Stances!D1: unknown column 'salince'", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("matrix.xlsx:Stances!A1: sheet 'Stances''s header lacks the column salience", StringComparison.Ordinal));

        // The header is the cause: the stances it keeps from being read are not also reported missing elsewhere.
        Assert.Equal(2, shown.Count);
    }

    [Fact]
    public void WrongCellOfAStance_IsTheOneProblem_NotItsEvidenceToo()
    {
        var read = Read(
            [.. With("Stances", [["actor", "issue", "position", "salience"], ["usa", "sanctions", "eighty", 0.6], ["rus", "sanctions", 0.0, 0.9]]),
            ("Evidence", [["actor", "issue", "kind", "text"], ["usa", "sanctions", "quote", "keep the pressure on"]])]);

        var problem = Assert.Single(read.Diagnostics);
        Assert.StartsWith("matrix.xlsx:Stances!C2:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderNotInRowOne_IsMissingHeader()
    {
        var read = Read(With("Issues", [[], ["id", "min", "max"], ["sanctions", 0.0, 100.0]]));

        Assert.Contains(read.Diagnostics, d => d.ToString().StartsWith("matrix.xlsx:Issues!A1: sheet 'Issues' has no header row in row 1", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateRows_AreReported()
    {
        var read = Read(With("Stances", [["actor", "issue", "position", "salience"], ["usa", "sanctions", 55.0, 0.6], ["rus", "sanctions", 0.0, 0.9], ["usa", "sanctions", 60.0, 0.6]]));

        var problem = Assert.Single(read.Diagnostics);
        Assert.Equal("Stances", problem.Sheet);
        Assert.Equal(4, problem.Line);
        Assert.Contains("duplicate stance", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyWorkbook_ReportsEveryRequiredSheetEmpty()
    {
        var read = Read(("Actors", []), ("Issues", []), ("Stances", []));

        Assert.Equal(3, read.Diagnostics.Length);
        Assert.All(read.Diagnostics, d => Assert.Contains("has no header row (it is empty)", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void TextFileNamedXlsx_IsRefusedWithWhatItIsNot()
    {
        var read = ScenarioFiles.ReadBytes("actors:\n  - id: a\n"u8.ToArray(), "matrix.xlsx");

        var problem = Assert.Single(read.Diagnostics);
        Assert.Equal("matrix.xlsx:1:1", $"{problem.File}:{problem.Line}:{problem.Column}");
        Assert.Contains("is not an .xlsx workbook", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("matrix.xls")]
    [InlineData("matrix.xlsx")]
    [InlineData("matrix")]
    public void Excel97Workbook_WhateverItsName_IsRefusedAsOne_NotAsTextThatIsNotUtf8(string name)
    {
        // The OLE2 compound file signature every .xls starts with, then bytes that are not UTF-8.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x3E, 0xFE, 0xFF];

        var problem = Assert.Single(ScenarioFiles.ReadBytes(bytes, name).Diagnostics);

        Assert.Equal(
            $"{name}:1:1: this is an Excel 97-2003 workbook (.xls), not an .xlsx workbook; open it in the spreadsheet program and save it as Excel Workbook (.xlsx)",
            $"{problem.File}:{problem.Line}:{problem.Column}: {problem.Message}");
    }

    [Fact]
    public void ZipThatIsNotAWorkbook_AndDamagedZip_AreRefused()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("word/document.xml").Open());
            writer.Write("<w/>");
        }

        Assert.Contains("no xl/workbook.xml", Assert.Single(SpreadsheetFiles.ReadWorkbook(buffer.ToArray(), "m.xlsx").Diagnostics).Message, StringComparison.Ordinal);
        var cut = SheetFiles.Workbook(SheetFiles.SmallSheets())[..200];
        Assert.Contains("cannot be read", Assert.Single(SpreadsheetFiles.ReadWorkbook(cut, "m.xlsx").Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBomb_StopsAtTheUnpackedLimit()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "xl/workbook.xml", "xl/sharedStrings.xml" })
            {
                using var stream = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                var zeros = new byte[1 << 20];
                for (var i = 0; i < 40; i++)
                {
                    stream.Write(zeros);
                }
            }
        }

        Assert.True(buffer.Length < 1 << 20, "the archive is small");
        var problem = Assert.Single(SpreadsheetFiles.ReadWorkbook(buffer.ToArray(), "bomb.xlsx").Diagnostics);
        Assert.Contains("unpacks to more than 64 MiB", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcelDateInADateField_IsExplained()
    {
        var sheets = SheetFiles.SmallSheets().Append(("Scenario", [["field", "value"], ["id", "m"], ["title", "M"], ["date", 45884.0]])).ToArray();

        var problem = Assert.Single(Read(sheets).Diagnostics);
        Assert.StartsWith("matrix.xlsx:Scenario!B4: value: the cell holds the number 45884", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_BadCells_AreLocatedByLineAndColumn()
    {
        var csv = "actor,issue,position,salience\nusa,sanctions,55,0.6\nrus,sanctions,abc,1.5\nusa,sanctions,1,1\n";

        var read = SpreadsheetFiles.ReadCsv(csv, "m.csv");

        var shown = read.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(shown, d => d.StartsWith("m.csv:3:15: position: 'abc' is not a number", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("m.csv:4:1: duplicate row", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_ImportIntoScenario_RefusesNewActorsAndIssues()
    {
        var alaska = SheetFiles.Alaska();

        var read = SpreadsheetFiles.ReadCsv("actor,issue,position,salience\nchn,sanctions,10,0.5\nusa,tariffs,10,0.5\n", "m.csv", into: alaska);

        var shown = read.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.Contains(shown, d => d.StartsWith("m.csv:2:1: unknown actor 'chn'", StringComparison.Ordinal) && d.Contains("Actors sheet", StringComparison.Ordinal));
        Assert.Contains(shown, d => d.StartsWith("m.csv:3:5: unknown issue 'tariffs'", StringComparison.Ordinal));
    }
}

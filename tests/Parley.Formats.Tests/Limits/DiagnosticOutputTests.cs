using System.Text;
using Parley.Formats;

namespace Parley.Formats.Tests.Limits;

/// <summary>Issue 12, item 8: a huge value or a flood of problems gives short, bounded output.</summary>
public sealed class DiagnosticOutputTests
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    [Theory]
    [InlineData("kind: organisation", "kind: MEGA")]
    [InlineData("title: Demo", "title: Demo\n? MEGA\n: 1")]
    [InlineData("  - actor: b", "  - actor: MEGA")]
    [InlineData("capability: 10", "capability: MEGA")]
    public void Read_MegabyteValue_IsQuotedAsAShortPrefixWithItsLength(string find, string replace)
    {
        var text = Native.NativeReaderTests.Valid.Replace(find, replace.Replace("MEGA", Megabyte, StringComparison.Ordinal), StringComparison.Ordinal);

        var result = ScenarioFiles.ReadText(text, "huge.yaml", ScenarioFormat.Yaml);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.InRange(d.ToString().Length, 1, 400));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(new string('x', 60) + "… (1,048,576 characters)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ScenarioFormat.KtabCsv, "n,d,1,1\nActor,Description,Power,MEGA,S\nMEGA,d,1e9,50,50\n")]
    [InlineData(ScenarioFormat.Decide, "#A;a\n#P;p\n#D;a;MEGA;1;1;1\n")]
    [InlineData(ScenarioFormat.BdmCsv, "Actor,Capability,Position,Salience\nMEGA,MEGA,1,1\n")]
    public void Read_MegabyteFieldInPeerFormats_GivesShortMessages(ScenarioFormat format, string template)
    {
        // Half a megabyte: a whole megabyte on one line is refused by the line limit before any field is read.
        var result = ScenarioFiles.ReadText(template.Replace("MEGA", Megabyte[..(512 * 1024)], StringComparison.Ordinal), "huge", format);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.InRange(d.ToString().Length, 1, 600));
    }

    [Fact]
    public void Read_NumberOfThirtyThousandDigits_IsQuotedAsAnExcerpt()
    {
        // Found by the second fuzzing campaign (bdm target): a number too large for a double was quoted whole.
        var result = ScenarioFiles.ReadText("Actor,Capability,Position,Salience\nA,1,4" + new string('0', 32_000) + ",0.5\n", "huge.csv", ScenarioFormat.BdmCsv);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("huge.csv:2:5: position is 4" + new string('0', 59) + "… (32,001 characters); it must be a finite number", diagnostic.ToString());
    }

    [Fact]
    public void Diagnostic_LongerThanTheLimit_IsCutWithItsLength()
    {
        var diagnostic = new Diagnostic("f.yaml", 1, 1, new string('m', 5000));

        Assert.Equal(new string('m', Diagnostic.MaxMessageLength) + "… (message cut from 5,000 characters)", diagnostic.Message);
        Assert.Equal("short\nmessage kept as written", new Diagnostic("f.yaml", 1, 1, "short\nmessage kept as written").Message);
    }

    [Fact]
    public void Read_TenThousandBadRows_ListsTheFirstHundredThenCountsTheRest()
    {
        var text = new StringBuilder("#A;a\n#P;p\n#D;a;p;1;0.5;1\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("#Q;bad\n");
        }

        var result = ScenarioFiles.ReadText(text.ToString(), "flood.csv", ScenarioFormat.Decide);

        Assert.Equal(DiagnosticList.Limit + 1, result.Diagnostics.Length);
        Assert.Equal("flood.csv:103:1: and 9,900 more problems; only the first 100 are listed: fix these and check the file again", result.Diagnostics[^1].ToString());
        Assert.Equal(10_000, DiagnosticList.CountProblems(result.Diagnostics));
    }

    [Fact]
    public void CountProblems_CountsWhatTheClosingLineStandsFor_NotTheLine()
    {
        // QA issue 10: 150 problems were listed as 100, "and 50 more problems", then counted as 101.
        var problems = Enumerable.Range(1, 150).Select(i => new Diagnostic("many.csv", i, 1, "bad")).ToList();

        var listed = DiagnosticList.Summarize(problems);

        Assert.Equal(DiagnosticList.Limit + 1, listed.Length);
        Assert.Equal(50, listed[^1].MoreProblems);
        Assert.Equal(150, DiagnosticList.CountProblems(listed));
        Assert.Equal(3, DiagnosticList.CountProblems(problems.Take(3)));
        Assert.Equal(150 + 150, DiagnosticList.CountProblems([.. listed, .. DiagnosticList.Summarize(problems)]));
    }

    [Fact]
    public void Excerpt_KeepsShortValuesAndEscapesLineBreaks()
    {
        Assert.Equal("short", Excerpt.Of("short"));
        Assert.Equal("a\\nb", Excerpt.Of("a\nb"));
        Assert.Equal(new string('y', 60) + "… (61 characters)", Excerpt.Of(new string('y', 61)));
    }
}

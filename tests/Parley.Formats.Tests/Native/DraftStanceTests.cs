using System.Text.Json;
using Parley.Core.Domain;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Native;

/// <summary>Draft stances (position: null) with candidate evidence: read, written back, checked, and listed as open judgements.</summary>
public sealed class DraftStanceTests
{
    internal const string Draft = """
        id: draft
        title: Draft
        sources:
          - id: report
            title: A report
            file: report.txt
            sha256: 0000000000000000000000000000000000000000000000000000000000000000
        actors:
          - id: a
            name: Alpha
            members: [p]
          - id: p
            name: Pat Person
            kind: person
            candidates:
              - { quote: "Alpha President Pat Person", source: report, start: 0, end: 26, kind: mention, score: 1 }
          - id: b
            name: Beta
            capability: 3
        issues:
          - id: x
            name: Issue X
        stances:
          - actor: a
            issue: x
            position: null
            salience: null
            suggestion: { kind: suggestion, position: 70, basis: "anchor sentences" }
            candidates:
              - quote: "wants a deal now"
                source: report
                start: 30
                end: 46
                kind: reported_speech
                score: 0.8
          - actor: b
            issue: x
            position: 20
            salience: null
        """;

    [Fact]
    public void Draft_ReadsAsADraftWithItsOpenJudgementsLocated()
    {
        var result = ScenarioFiles.ReadText(Draft, "d.yaml");

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var scenario = result.Scenario!;
        Assert.True(scenario.IsDraft);
        Assert.Empty(scenario.Stances);
        Assert.Equal(2, scenario.DraftStances.Length);
        Assert.Equal(new CandidateEvidence("wants a deal now", "report", 30, 46, CandidateKind.ReportedSpeech, 0.8), Assert.Single(scenario.DraftStances[0].Candidates));
        Assert.Equal(70, scenario.DraftStances[0].Suggestion!.Position);
        Assert.Equal(20, scenario.DraftStances[1].Position);
        Assert.Equal(CandidateKind.Mention, Assert.Single(scenario.Actors[1].Candidates).Kind);
        Assert.Equal(
            [
                "d.yaml:9:5: capability of 'a' (Alpha): to decide (a number of 0 or more on a scale shared by the actors)",
                "d.yaml:24:5: position and salience of 'a' on 'x': to decide; 1 candidate passage to review; suggested position 70 (a suggestion, not a judgement)",
                "d.yaml:36:5: salience of 'b' on 'x': to decide; no candidate evidence found; cite a source or give a judgement",
            ],
            result.OpenJudgements.Select(d => d.ToString()));
    }

    [Fact]
    public void Draft_WrittenAsYamlOrJson_ReadsBackTheSame()
    {
        var scenario = ScenarioFiles.ReadText(Draft, "d.yaml").Scenario!;

        foreach (var (text, name) in new[] { (NativeScenarioWriter.ToYaml(scenario), "d.yaml"), (NativeScenarioWriter.ToJson(scenario), "d.json") })
        {
            var again = ScenarioFiles.ReadText(text, name);
            Assert.True(again.Succeeded, string.Join('\n', again.Diagnostics));
            Assert.Equal(scenario.DraftStances.SelectMany(d => d.Candidates), again.Scenario!.DraftStances.SelectMany(d => d.Candidates));
            Assert.Equal(scenario.DraftStances.Select(d => (d.Position, d.Salience, d.Suggestion)), again.Scenario.DraftStances.Select(d => (d.Position, d.Salience, d.Suggestion)));
            Assert.Equal(scenario.Sources.Select(s => (s.File, s.Sha256)), again.Scenario.Sources.Select(s => (s.File, s.Sha256)));
            Assert.Contains("position: null", NativeScenarioWriter.ToYaml(again.Scenario), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Schema_DeclaresEveryDraftFieldTheWriterEmits()
    {
        var schemaPath = Enumerable.Range(0, 8).Select(up => Path.Combine([AppContext.BaseDirectory, .. Enumerable.Repeat("..", up), "docs", "scenario.schema.json"])).First(File.Exists);
        using var schema = JsonDocument.Parse(File.ReadAllText(schemaPath));
        using var written = JsonDocument.Parse(NativeScenarioWriter.ToJson(ScenarioFiles.ReadText(Draft, "d.yaml").Scenario!));
        var definitions = schema.RootElement.GetProperty("$defs");
        HashSet<string> Declared(string definition) => [.. definitions.GetProperty(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name)];

        foreach (var stance in written.RootElement.GetProperty("stances").EnumerateArray())
        {
            Assert.Subset(Declared("stance"), stance.EnumerateObject().Select(p => p.Name).ToHashSet());
            foreach (var candidate in stance.TryGetProperty("candidates", out var list) ? list.EnumerateArray() : default)
            {
                Assert.Subset(Declared("candidate"), candidate.EnumerateObject().Select(p => p.Name).ToHashSet());
            }
        }

        Assert.Subset(Declared("source"), written.RootElement.GetProperty("sources")[0].EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    private static string Break(string find, string replace)
    {
        Assert.Contains(find, Draft, StringComparison.Ordinal);
        return Draft.Replace(find, replace, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BrokenDrafts() => new()
    {
        { Break("kind: reported_speech", "kind: rumour"), "d.yaml:34:15: candidate 1: kind 'rumour' is not allowed; use one of direct_quote, reported_speech, description, mention" },
        { Break("end: 46", "end: 50"), "d.yaml:32:16: candidate 1: offsets 30-50 do not fit the quote; start and end are whole character offsets from 0 with end - start equal to the quote's length (16)" },
        { Break("score: 0.8", "score: 8"), "d.yaml:35:16: candidate 1: score 8 is not allowed; a score is a number from 0 to 1" },
        { Break("source: report\n        start: 30", "source: gossip\n        start: 30"), "d.yaml:30:7: candidate evidence cites unknown source 'gossip'; list it under sources or use one of (report)" },
        { Break("{ kind: suggestion, position: 70", "{ kind: judgement, position: 70"), "d.yaml:28:25: suggestion: kind 'judgement' is not allowed; a suggestion says 'kind: suggestion' so that nobody mistakes it for a judgement" },
        { Break("position: 70", "position: 700"), "d.yaml:28:17: draft stance of 'a' on 'x': suggested position 700 is outside the issue's scale; it must be from 0 to 100" },
        { Break("    position: 20\n", ""), "d.yaml:36:5: stance of 'b' on 'x': missing required field 'position' (a number)" },
        { Break("position: 20", "position: 200"), "d.yaml:38:15: draft stance of 'b' on 'x': position 200 is outside the issue's scale; it must be from 0 to 100" },
        { Break("position: 20\n    salience: null", "position: 20\n    salience: 0.5\n    suggestion: { kind: suggestion, position: 10 }"), "d.yaml:40:17: stance of 'b' on 'x': a suggestion belongs to a draft stance (position: null); the position is decided, so remove the suggestion" },
    };

    [Theory]
    [MemberData(nameof(BrokenDrafts))]
    public void BrokenDraft_IsOneLocatedProblem(string text, string expected)
    {
        var result = ScenarioFiles.ReadText(text, "d.yaml");

        Assert.False(result.Succeeded);
        Assert.Equal(expected, Assert.Single(result.Diagnostics).ToString());
    }
}

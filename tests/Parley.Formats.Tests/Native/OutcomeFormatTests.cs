using System.Text.Json;
using Parley.Core.Domain;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Native;

/// <summary>A scenario's question, horizon and observed outcomes: read, checked with located errors, written back.</summary>
public sealed class OutcomeFormatTests
{
    internal const string WithOutcomes = """
        id: talks
        title: Talks
        date: "2025-08-15"
        question: Where do the talks stand a month later?
        horizon: "2025-09-15"
        sources:
          - id: wire
            title: A wire report
            publisher: A wire
            date: "2025-09-10"
            url: https://example.org/wire
        actors:
          - id: a
            capability: 10
          - id: b
            capability: 5
        issues:
          - id: x
            min: 0
            max: 10
            outcome:
              value: 2
              observed: "2025-09-10"
              note: Read from the wire report.
              evidence:
                - quote: "no agreement was reached"
                  source: wire
                - judgement: "No agreement is the scale's 2."
          - id: y
            outcome:
              note: Reports disagree.
          - id: z
            outcome: 40
        stances:
          - { actor: a, issue: x, position: 3, salience: 0.5 }
          - { actor: b, issue: x, position: 9, salience: 1 }
          - { actor: a, issue: y, position: 30, salience: 0.5 }
          - { actor: b, issue: z, position: 60, salience: 0.5 }
        """;

    private static string Break(string find, string replace)
    {
        Assert.Contains(find, WithOutcomes, StringComparison.Ordinal);
        return WithOutcomes.Replace(find, replace, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuestionHorizonAndOutcomes()
    {
        var result = ScenarioFiles.ReadText(WithOutcomes, "talks.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scenario = result.Scenario!;
        Assert.Equal("Where do the talks stand a month later?", scenario.Question);
        Assert.Equal("2025-09-15", scenario.Horizon);

        var x = scenario.Issues[0];
        Assert.Equal(2, x.Outcome);
        Assert.Equal("2025-09-10", x.OutcomeObservation!.Date);
        Assert.Equal("Read from the wire report.", x.OutcomeObservation.Note);
        Assert.Equal([new Evidence(EvidenceKind.Quote, "no agreement was reached", "wire"), new Evidence(EvidenceKind.AnalystJudgement, "No agreement is the scale's 2.")], x.OutcomeObservation.Evidence.ToArray());

        var y = scenario.Issues[1];
        Assert.Null(y.Outcome);
        Assert.Equal("Reports disagree.", y.OutcomeObservation!.Note);

        var z = scenario.Issues[2];
        Assert.Equal(40, z.Outcome);
        Assert.Null(z.OutcomeObservation);
    }

    [Fact]
    public void RoundTrip_YamlAndJson_KeepQuestionHorizonAndOutcomes()
    {
        var original = ScenarioFiles.ReadText(WithOutcomes, "talks.yaml").Scenario!;
        var yaml = NativeScenarioWriter.ToYaml(original);
        var fromYaml = ScenarioFiles.ReadText(yaml, "again.yaml");
        Assert.True(fromYaml.Succeeded, string.Join("\n", fromYaml.Diagnostics));
        var fromJson = ScenarioFiles.ReadText(NativeScenarioWriter.ToJson(original), "again.json");
        Assert.True(fromJson.Succeeded, string.Join("\n", fromJson.Diagnostics));
        foreach (var again in new[] { fromYaml.Scenario!, fromJson.Scenario! })
        {
            Assert.Equal(original.Question, again.Question);
            Assert.Equal(original.Horizon, again.Horizon);
            for (var i = 0; i < original.Issues.Length; i++)
            {
                Assert.Equal(original.Issues[i].Outcome, again.Issues[i].Outcome);
                Assert.Equal(original.Issues[i].OutcomeObservation?.Date, again.Issues[i].OutcomeObservation?.Date);
                Assert.Equal(original.Issues[i].OutcomeObservation?.Note, again.Issues[i].OutcomeObservation?.Note);
                Assert.Equal(original.Issues[i].OutcomeObservation?.Evidence.ToArray(), again.Issues[i].OutcomeObservation?.Evidence.ToArray());
            }

            Assert.Equal(yaml, NativeScenarioWriter.ToYaml(again));
        }

        Assert.Contains("outcome: 40", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_DeclaresTheOutcomeFieldsTheWriterEmits()
    {
        var scenario = ScenarioFiles.ReadText(WithOutcomes, "talks.yaml").Scenario!;
        using var written = JsonDocument.Parse(NativeScenarioWriter.ToJson(scenario));
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath()));
        var top = schema.RootElement.GetProperty("properties");
        Assert.True(top.TryGetProperty("question", out _));
        Assert.True(top.TryGetProperty("horizon", out _));
        var declared = schema.RootElement.GetProperty("$defs").GetProperty("outcome").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var outcome = written.RootElement.GetProperty("issues")[0].GetProperty("outcome");
        Assert.Subset(declared, outcome.EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Equal(4, outcome.EnumerateObject().Count());
    }

    public static TheoryData<string, string, string> BrokenCases() => new()
    {
        { "outcome above the scale", Break("value: 2", "value: 12"), "f.yaml:22:14: issue 'x': outcome 12 is outside the issue's scale; it must be from 0 to 10" },
        { "plain outcome below the scale", Break("outcome: 40", "outcome: -5"), "f.yaml:33:14: issue 'z': outcome -5 is outside the issue's scale; it must be from 0 to 100" },
        { "outcome observed before the scenario's date", Break("observed: \"2025-09-10\"", "observed: \"2025-08-01\""), "f.yaml:23:17: issue 'x': outcome observed 2025-08-01, before the scenario's date 2025-08-15; an outcome is observed on or after the date the forecast is made (else it was known when forecasting)" },
        { "observed date not a date", Break("observed: \"2025-09-10\"", "observed: next week"), "f.yaml:23:17: issue 'x': outcome: observed date 'next week' is not a date; write it as yyyy-MM-dd" },
        { "horizon before the scenario's date", Break("horizon: \"2025-09-15\"", "horizon: \"2025-07-01\""), "f.yaml:5:10: horizon 2025-07-01 is before the scenario's date 2025-08-15; the horizon is when the forecast is judged, on or after the date it is made" },
        { "horizon not a date", Break("horizon: \"2025-09-15\"", "horizon: autumn"), "f.yaml:5:10: horizon 'autumn' is not a date; write it as yyyy-MM-dd, the day the outcomes are read as of" },
        { "scenario date not ISO with dated outcomes", Break("date: \"2025-08-15\"", "date: mid-August 2025"), "f.yaml:3:7: the scenario's date 'mid-August 2025' is not an ISO date; with a horizon or dated outcomes it must be yyyy-MM-dd (or yyyy-MM, yyyy), the day the forecast is made as of" },
        { "outcome with neither value nor note", Break("note: Reports disagree.", "evidence: []"), "f.yaml:31:7: issue 'y': outcome has no value; give its value on the scale, or a note saying why it cannot be told (reports disagree, nothing observable yet)" },
        { "outcome evidence citing an unknown source", Break("source: wire", "source: rumour"), "f.yaml:26:9: evidence cites unknown source 'rumour'; list it under sources or use one of (wire)" },
        { "unknown outcome field", Break("note: Read from", "notes: Read from"), "f.yaml:24:7: outcome: unknown field 'notes'; allowed fields are value, observed, evidence, note" },
        { "outcome value not a number", Break("value: 2", "value: two"), "f.yaml:22:14: outcome: field 'value' must be a number, found 'two'" },
    };

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Read_BrokenOutcome_ReportsLocatedMessage(string description, string text, string expected)
    {
        var result = ScenarioFiles.ReadText(text, "f.yaml", ScenarioFormat.Yaml);
        Assert.False(result.Succeeded, description);
        var messages = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.True(messages.Contains(expected), $"{description}: expected\n{expected}\ngot\n{string.Join("\n", messages)}");
    }

    [Fact]
    public void Read_OutcomeWithoutDates_NeedsNoScenarioDate()
    {
        var text = WithOutcomes.Replace("date: \"2025-08-15\"\n", "", StringComparison.Ordinal)
            .Replace("horizon: \"2025-09-15\"\n", "", StringComparison.Ordinal)
            .Replace("      observed: \"2025-09-10\"\n", "", StringComparison.Ordinal);
        var result = ScenarioFiles.ReadText(text, "f.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    private static string SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "scenario.schema.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("docs/scenario.schema.json not found above the test binaries");
    }
}

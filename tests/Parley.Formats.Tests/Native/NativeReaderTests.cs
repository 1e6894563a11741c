using Parley.Core.Domain;
using Parley.Formats;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Native;

public sealed class NativeReaderTests
{
    internal const string Valid = """
        id: demo
        title: Demo
        sources:
          - id: report
            title: A report
        actors:
          - id: a
            name: Alpha
            capability: 10
          - id: b
            name: Beta
            kind: organisation
            capability: 5
            capability_range: { low: 4, high: 6 }
        issues:
          - id: x
            name: Issue X
            min: 0
            max: 10
            status_quo: 2
            anchors:
              - { value: 0, label: none }
              - { value: 10, label: all }
        stances:
          - actor: a
            issue: x
            position: 3
            salience: 0.5
            evidence:
              - quote: "we want three"
                source: report
          - actor: b
            issue: x
            position: 9
            salience: 1
            position_range: { low: 8, high: 10, sd: 0.5 }
            evidence:
              - judgement: "an analyst's reason"
        stages:
          - id: s1
            name: First
            participants: [a, b]
        """;

    [Fact]
    public void Read_ValidYaml_BuildsTheScenario()
    {
        var result = ScenarioFiles.ReadText(Valid, "demo.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scenario = result.Scenario!;
        Assert.Equal(["a", "b"], scenario.Actors.Select(a => a.Id));
        Assert.Equal(ActorKind.Organisation, scenario.Actors[1].Kind);
        Assert.Equal(new ValueRange(4, 6), scenario.Actors[1].CapabilityRange);
        var issue = Assert.Single(scenario.Issues);
        Assert.Equal((0.0, 10.0, 2.0), (issue.ScaleMin, issue.ScaleMax, issue.StatusQuo!.Value));
        Assert.Equal("all", issue.NearestAnchor(7)!.Label);
        var stance = scenario.FindStance("b", "x")!;
        Assert.Equal(new ValueRange(8, 10, 0.5), stance.PositionRange);
        Assert.Equal(EvidenceKind.AnalystJudgement, Assert.Single(stance.Evidence).Kind);
        Assert.Equal(5, scenario.CapabilityOf(stance));
    }

    [Fact]
    public void RoundTrip_YamlAndJson_GiveEqualScenarios()
    {
        var original = ScenarioFiles.ReadText(Valid, "demo.yaml").Scenario!;

        var yaml = NativeScenarioWriter.ToYaml(original);
        var fromYaml = ScenarioFiles.ReadText(yaml, "again.yaml");
        Assert.True(fromYaml.Succeeded, string.Join("\n", fromYaml.Diagnostics) + "\n" + yaml);
        Assert.Equal(yaml, NativeScenarioWriter.ToYaml(fromYaml.Scenario!));

        var json = NativeScenarioWriter.ToJson(original);
        var fromJson = ScenarioFiles.ReadText(json, "again.json");
        Assert.True(fromJson.Succeeded, string.Join("\n", fromJson.Diagnostics) + "\n" + json);
        Assert.Equal(ScenarioFormat.Json, ScenarioFiles.Detect(json, "again.json")!.Format);
        Assert.Equal(yaml, NativeScenarioWriter.ToYaml(fromJson.Scenario!));
    }

    [Fact]
    public void RoundTrip_TextNeedingEscapes_SurvivesYaml()
    {
        var scenario = ScenarioFiles.ReadText(Valid, "demo.yaml").Scenario! with { Description = "quote \" colon: # hash\nnew line \\ back" };
        var again = ScenarioFiles.ReadText(NativeScenarioWriter.ToYaml(scenario), "again.yaml").Scenario!;
        Assert.Equal(scenario.Description, again.Description);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsAllSortedByLine()
    {
        var text = Valid.Replace("position: 3", "position: 30", StringComparison.Ordinal)
            .Replace("salience: 1\n", "salience: 2\n", StringComparison.Ordinal);
        var result = ScenarioFiles.ReadText(text, "demo.yaml");

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Diagnostics.Length);
        Assert.True(result.Diagnostics[0].Line < result.Diagnostics[1].Line);
    }

    [Fact]
    public void Read_MissingFile_IsADiagnosticNotAnException()
    {
        var result = ScenarioFiles.Read("/nonexistent/dir/none.yaml");
        Assert.Equal("/nonexistent/dir/none.yaml:1:1: cannot read the file: no such file (a folder on the path does not exist); check the path", Assert.Single(result.Diagnostics).ToString());
    }
}

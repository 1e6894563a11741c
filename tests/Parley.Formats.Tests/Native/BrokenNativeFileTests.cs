using Parley.Formats;

namespace Parley.Formats.Tests.Native;

/// <summary>Each broken file gives exactly the located message expected: the table the CLI's users see.</summary>
public sealed class BrokenNativeFileTests
{
    private static string Break(string find, string replace)
    {
        Assert.Contains(find, NativeReaderTests.Valid, StringComparison.Ordinal);
        return NativeReaderTests.Valid.Replace(find, replace, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "empty file", "", "f.yaml:1:1: the file is empty; a scenario needs actors, issues and stances" },
        { "not yaml", "id: [unclosed\n", "f.yaml:2:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'." },
        { "tag that is not a URI (found by fuzzing)", "!![", "f.yaml:1:4: not valid YAML: the text after this point cannot be parsed; check the brackets, quotes and indentation here" },
        { "not a mapping", "- just\n- a list\n", "f.yaml:1:1: scenario must be a mapping of fields (key: value)" },
        { "empty scenario", "id: e\ntitle: E\n", "f.yaml:1:1: the scenario has no actors; list at least one actor" },
        { "unknown top-level field", Break("title: Demo", "title: Demo\ncolour: red"), "f.yaml:3:1: scenario: unknown field 'colour'; allowed fields are id, title, date, question, horizon, description, default_spread, sources, actors, issues, stances, stages, rules" },
        { "duplicate actor id", Break("  - id: b\n    name: Beta", "  - id: a\n    name: Beta"), "f.yaml:10:9: duplicate actor id 'a'; every actor needs its own id" },
        { "unknown actor in stance", Break("  - actor: b", "  - actor: c"), "f.yaml:32:12: stance of 'c' on 'x': unknown actor 'c'; use one of the actor ids (a, b)" },
        { "unknown issue in stance", Break("    issue: x\n    position: 9", "    issue: y\n    position: 9"), "f.yaml:33:12: stance of 'b' on 'y': unknown issue 'y'; use one of the issue ids (x)" },
        { "position outside scale", Break("position: 3", "position: 30"), "f.yaml:27:15: stance of 'a' on 'x': position 30 is outside the issue's scale; it must be from 0 to 10" },
        { "position NaN", Break("position: 3", "position: .nan"), "f.yaml:27:15: stance of 'a' on 'x': position is NaN; it must be a finite number from 0 to 10" },
        { "position not a number", Break("position: 3", "position: three"), "f.yaml:27:15: stance of 'a' on 'x': field 'position' must be a number, found 'three'" },
        { "negative capability", Break("capability: 10", "capability: -1"), "f.yaml:9:17: actor 'a': capability -1 is not allowed; capability is a finite number of 0 or more" },
        { "negative salience", Break("salience: 0.5", "salience: -0.5"), "f.yaml:28:15: stance of 'a' on 'x': salience -0.5 is not allowed; salience is a number from 0 to 1" },
        { "stance without its actor, named by its place", Break("  - actor: a\n    issue: x", "  - issue: x"), "f.yaml:25:5: stance 1: missing required field 'actor'" },
        { "missing salience", Break("    salience: 0.5\n", ""), "f.yaml:25:5: stance of 'a' on 'x': missing required field 'salience' (a number)" },
        { "duplicate stance", Break("  - actor: b\n    issue: x", "  - actor: a\n    issue: x"), "f.yaml:32:5: stance of 'a' on 'x': duplicate stance; give each actor at most one stance per issue" },
        { "actor without stance", Break("stances:\n  - actor: a\n    issue: x\n    position: 3\n    salience: 0.5\n    evidence:\n      - quote: \"we want three\"\n        source: report\n", "stances:\n"), "f.yaml:7:5: actor 'a' has no stance; give it a stance on at least one issue, or make it a member of a bloc or delegation" },
        { "scale reversed", Break("min: 0\n    max: 10", "min: 10\n    max: 0"), "f.yaml:19:10: issue 'x': scale max 0 must be greater than min 10" },
        { "status quo outside scale", Break("status_quo: 2", "status_quo: 11"), "f.yaml:20:17: issue 'x': status quo 11 is outside the issue's scale; it must be from 0 to 10" },
        { "range not containing estimate", Break("{ low: 8, high: 10, sd: 0.5 }", "{ low: 4, high: 6 }"), "f.yaml:36:21: stance of 'b' on 'x': position range [4, 6] does not contain the estimate 9; widen it or move the estimate" },
        { "unknown evidence source", Break("source: report", "source: rumour"), "f.yaml:30:7: evidence cites unknown source 'rumour'; list it under sources or use one of (report)" },
        { "evidence with two kinds", Break("- judgement: \"an analyst's reason\"", "- judgement: \"an analyst's reason\"\n        quote: \"two\""), "f.yaml:38:9: evidence 1 must have exactly one of quote, paraphrase or judgement (found 2)" },
        { "unknown actor kind", Break("kind: organisation", "kind: tribe"), "f.yaml:12:11: actor kind 'tribe' is not allowed; use one of state, person, organisation, bloc" },
        { "unknown stage participant", Break("participants: [a, b]", "participants: [a, z]"), "f.yaml:42:19: stage 's1': unknown participant 'z'; use actor ids (a, b)" },
        { "unknown stage model", Break("participants: [a, b]", "participants: [a, b]\n    model: oracle"), $"f.yaml:43:12: stage 's1': unknown model 'oracle'; use one of {Parley.Core.Models.ModelCatalog.Ids}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_BrokenFile_ReportsLocatedMessage(string description, string text, string expected)
    {
        var result = ScenarioFiles.ReadText(text, "f.yaml", ScenarioFormat.Yaml);

        Assert.False(result.Succeeded, description);
        var messages = result.Diagnostics.Select(d => d.ToString()).ToList();
        Assert.True(messages.Contains(expected), $"{description}: expected\n{expected}\ngot\n{string.Join("\n", messages)}");
    }

    [Fact]
    public void Read_ScaleReversed_IsTheOneProblem_NotItsStancesToo()
    {
        // Both stances' positions lie off a scale from 10 to 0; the scale is the cause, reported once.
        var result = ScenarioFiles.ReadText(Break("min: 0\n    max: 10", "min: 10\n    max: 0"), "f.yaml", ScenarioFormat.Yaml);

        Assert.Equal(["f.yaml:19:10: issue 'x': scale max 0 must be greater than min 10"], result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_BrokenJson_ReportsLineAndColumn()
    {
        var result = ScenarioFiles.ReadText("{\n  \"id\": \"x\",\n  \"title\": \"T\"\n  \"actors\": []\n}\n", "f.json");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((4, 3), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("f.json:4:3: not valid JSON:", diagnostic.ToString(), StringComparison.Ordinal);
    }
}

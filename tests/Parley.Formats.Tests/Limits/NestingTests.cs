using Parley.Formats;
using Parley.Formats.Overlays;

namespace Parley.Formats.Tests.Limits;

/// <summary>Issue 12, item 1: deep nesting is a located error, not a stack overflow that kills the process.</summary>
public sealed class NestingTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Theory]
    [InlineData("yaml", ScenarioFormat.Yaml)]
    [InlineData("json", ScenarioFormat.Json)]
    public void Read_FiftyThousandNestedBrackets_IsALocatedErrorNamingTheLimit(string extension, ScenarioFormat format)
    {
        var text = Repeat("[", 50_000) + Repeat("]", 50_000);

        var result = ScenarioFiles.ReadText(text, "deep." + extension, format);

        Assert.Equal($"deep.{extension}:1:65: lists and mappings are nested more than 64 levels deep here; the limit is 64 levels (a scenario needs about 6)", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Read_NestedMappings_AreLimitedToo()
    {
        var result = ScenarioFiles.ReadText(Repeat("{a: ", 50_000) + "1" + Repeat("}", 50_000), "deep.yaml", ScenarioFormat.Yaml);

        Assert.Contains("nested more than 64 levels", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SixtyFourLevels_AreStillRead()
    {
        var text = "id: d\ntitle: D\nextra: " + Repeat("[", 63) + Repeat("]", 63) + "\n";

        var result = ScenarioFiles.ReadText(text, "ok.yaml", ScenarioFormat.Yaml);

        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("nested", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("unknown field 'extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadOverlay_DeepNesting_IsALocatedError()
    {
        var (overlay, diagnostics) = OverlayFileReader.ReadText("set: " + Repeat("[", 50_000), "deep.yaml");

        Assert.Null(overlay);
        Assert.Contains("nested more than 64 levels", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x: *a\ny: &a b\n", "f.yaml:1:4: the alias *a names no anchor defined before it (or the list or mapping that contains it); define &a first, outside")]
    [InlineData("x: &a [1, *a]\n", "f.yaml:1:11: the alias *a names no anchor defined before it (or the list or mapping that contains it); define &a first, outside")]
    [InlineData("x: &a b\n*a : 1\n", "f.yaml:2:1: a mapping key here is a list, a mapping or an alias; keys are plain text such as 'id' or 'actors'")]
    [InlineData("? [a, b]\n: 1\n", "f.yaml:1:3: a mapping key here is a list, a mapping or an alias; keys are plain text such as 'id' or 'actors'")]
    public void Read_AliasesAndKeysThatCouldRecurse_AreLocatedErrors(string text, string expected)
    {
        // Found by fuzzing the overlay reader: a forward alias used as a key overflowed the stack in YamlDotNet.
        Assert.Equal(expected, Assert.Single(ScenarioFiles.ReadText(text, "f.yaml", ScenarioFormat.Yaml).Diagnostics).ToString());
        Assert.Equal(expected, Assert.Single(OverlayFileReader.ReadText(text, "f.yaml").Diagnostics).ToString());
    }

    [Fact]
    public void Read_AliasToAnEarlierAnchor_IsStillRead()
    {
        var (overlay, diagnostics) = OverlayFileReader.ReadText("remove_actors: &gone [uk]\nadd_stages:\n  - id: s\n    participants: *gone\n", "f.yaml");

        Assert.Empty(diagnostics);
        Assert.Equal(["uk"], Assert.Single(overlay!.AddedStages).Stage.Participants.ToArray());
    }

    [Fact]
    public void Read_DeeplyNestedXml_IsALocatedError()
    {
        var text = "<Scenario><name>x</name><Actors>" + Repeat("<a>", 50_000) + Repeat("</a>", 50_000) + "</Actors></Scenario>";

        var result = ScenarioFiles.ReadText(text, "deep.xml", ScenarioFormat.KtabXml);

        Assert.Equal("deep.xml:1:223: elements are nested more than 64 levels deep here; the limit is 64 levels (a KTAB scenario needs 4)", Assert.Single(result.Diagnostics).ToString());
    }
}

using Parley.Formats.Native;

namespace Parley.Storage.Tests;

public sealed class ScenarioCanonicalFormTests
{
    [Fact]
    public void Hash_SameScenarioAsYamlAndAsJson_IsTheSame()
    {
        var fromYaml = TestScenarios.Alaska();
        var fromJson = TestScenarios.Read(NativeScenarioWriter.ToJson(fromYaml), "alaska-2025.json");

        Assert.Equal(ScenarioCanonicalForm.Hash(fromYaml), ScenarioCanonicalForm.Hash(fromJson));
        Assert.Matches("^[0-9a-f]{64}$", ScenarioCanonicalForm.Hash(fromYaml));
    }

    [Fact]
    public void Hash_ReformattedFileWithComments_IsTheSame()
    {
        var text = TestScenarios.AlaskaText;
        var reformatted = "# a comment at the top\n" + text.Replace("salience: 0.8", "salience: 0.80", StringComparison.Ordinal) + "\n\n# and one at the end\n";

        Assert.Equal(ScenarioCanonicalForm.Hash(TestScenarios.Read(text, "a.yaml")), ScenarioCanonicalForm.Hash(TestScenarios.Read(reformatted, "b.yaml")));
    }

    [Theory]
    [InlineData("salience: 0.8", "salience: 0.81")]
    [InlineData("position: 80", "position: 80.000001")]
    [InlineData("name: Keir Starmer", "name: Sir Keir Starmer")]
    public void Hash_AnyChangeToTheData_ChangesIt(string from, string to)
    {
        var text = TestScenarios.AlaskaText;
        var changed = ReplaceFirst(text, from, to);

        Assert.NotEqual(ScenarioCanonicalForm.Hash(TestScenarios.Read(text, "a.yaml")), ScenarioCanonicalForm.Hash(TestScenarios.Read(changed, "a.yaml")));
    }

    [Fact]
    public void FromJson_OfToJson_GivesBackTheSameScenario()
    {
        var scenario = TestScenarios.Alaska();
        var json = ScenarioCanonicalForm.ToJson(scenario);

        var back = ScenarioCanonicalForm.FromJson(json);

        Assert.Equal(json, ScenarioCanonicalForm.ToJson(back));
        Assert.Equal(scenario.Actors.Length, back.Actors.Length);
        Assert.Equal(scenario.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience)), back.Stances.Select(s => (s.ActorId, s.IssueId, s.Position, s.Salience)));
        Assert.Empty(ScenarioDiff.Between(scenario, back));
    }

    [Fact]
    public void FromJson_Damaged_IsAStoreError()
    {
        Assert.Throws<StoreException>(() => ScenarioCanonicalForm.FromJson("{\"id\": 3"));
        Assert.Throws<StoreException>(() => ScenarioCanonicalForm.FromJson("{\"title\": \"no id\"}"));
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in the scenario");
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
    }
}

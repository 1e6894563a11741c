namespace Parley.Formats.Tests.Native;

/// <summary>
/// A scenario id must be one the run store can name again (<c>ID@N</c>): '@' inside it, or '.' and '..' alone
/// (path steps in the server's links), are refused where the id is written.
/// </summary>
public sealed class ScenarioIdTests
{
    [Theory]
    [InlineData("a/b@2", "holds '@'")]
    [InlineData("talks@2", "holds '@'")]
    [InlineData("..", "is a path step")]
    [InlineData(".", "is a path step")]
    public void Read_IdTheStoreCannotAddress_IsALocatedError(string id, string why)
    {
        var text = NativeReaderTests.Valid.Replace("id: demo", $"id: \"{id}\"", StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("id: ", StringComparison.Ordinal)) + 1;

        var result = ScenarioFiles.ReadText(text, "weird.yaml", ScenarioFormat.Yaml);

        var problem = Assert.Single(result.Diagnostics);
        Assert.StartsWith($"weird.yaml:{line}:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains($"the scenario's id '{id}' {why}, so the run store could save it but not name it again", problem.Message, StringComparison.Ordinal);
        Assert.Contains("an id may hold letters, digits, spaces and punctuation other than '@', and may not be '.' or '..'", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Scenario);
    }

    [Theory]
    [InlineData("alaska-2025")]
    [InlineData("DummyData_3Dim")]
    [InlineData("talks v2.1 (draft)")]
    [InlineData("a..b")]
    [InlineData("China Policy/Competitive; scen 2")]
    public void Read_OrdinaryIds_AreAccepted(string id)
    {
        var text = NativeReaderTests.Valid.Replace("id: demo", $"id: \"{id}\"", StringComparison.Ordinal);

        var result = ScenarioFiles.ReadText(text, "fine.yaml", ScenarioFormat.Yaml);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(id, result.Scenario!.Id);
    }
}

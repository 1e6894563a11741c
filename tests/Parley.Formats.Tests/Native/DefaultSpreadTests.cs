using Parley.Core.Domain;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Native;

public sealed class DefaultSpreadTests
{
    private static string WithSpread(string field) =>
        NativeReaderTests.Valid.Replace("title: Demo\n", "title: Demo\n" + field + "\n", StringComparison.Ordinal);

    [Fact]
    public void Read_NoDefaultSpread_LeavesItToTheCaller() =>
        Assert.Null(ScenarioFiles.ReadText(NativeReaderTests.Valid, "demo.yaml").Scenario!.DefaultSpread);

    [Fact]
    public void Read_OneNumber_AppliesToEveryKindOfInput()
    {
        var result = ScenarioFiles.ReadText(WithSpread("default_spread: 0.05"), "demo.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(DefaultSpread.Uniform(0.05), result.Scenario!.DefaultSpread);
    }

    [Fact]
    public void Read_Mapping_FillsMissingKindsWithTheStandardSpread()
    {
        var result = ScenarioFiles.ReadText(WithSpread("default_spread: { position: 0.2, capability: 0 }"), "demo.yaml");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(new DefaultSpread(0.2, 0.1, 0), result.Scenario!.DefaultSpread);
    }

    [Theory]
    [InlineData("default_spread: 1.5", "default_spread: value 1.5 is not allowed")]
    [InlineData("default_spread: { position: -0.1 }", "default_spread: position -0.1 is not allowed")]
    [InlineData("default_spread: { weight: 0.1 }", "unknown field 'weight'")]
    [InlineData("default_spread: wide", "default_spread must be a number from 0 to 1")]
    public void Read_BadDefaultSpread_IsALocatedDiagnostic(string field, string message)
    {
        var result = ScenarioFiles.ReadText(WithSpread(field), "demo.yaml");
        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(3, diagnostic.Line);
        Assert.Contains(message, diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_DeclaresDefaultSpreadWithTheFieldsTheWriterEmits()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "docs", "scenario.schema.json")))
        {
            dir = dir.Parent;
        }

        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.FullName, "docs", "scenario.schema.json")));
        var declared = schema.RootElement.GetProperty("properties").GetProperty("default_spread").GetProperty("oneOf")[1].GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).ToHashSet();
        var scenario = ScenarioFiles.ReadText(WithSpread("default_spread: 0.1"), "demo.yaml").Scenario!;
        using var written = System.Text.Json.JsonDocument.Parse(NativeScenarioWriter.ToJson(scenario));
        Assert.Subset(declared, written.RootElement.GetProperty("default_spread").EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    [Fact]
    public void RoundTrip_KeepsTheDefaultSpread()
    {
        var scenario = ScenarioFiles.ReadText(WithSpread("default_spread: { position: 0.15, salience: 0.05, capability: 0.2 }"), "demo.yaml").Scenario!;
        Assert.Equal(scenario.DefaultSpread, ScenarioFiles.ReadText(NativeScenarioWriter.ToYaml(scenario), "again.yaml").Scenario!.DefaultSpread);
        Assert.Equal(scenario.DefaultSpread, ScenarioFiles.ReadText(NativeScenarioWriter.ToJson(scenario), "again.json").Scenario!.DefaultSpread);
    }
}

using Parley.Core.Models;

namespace Parley.Formats.Tests;

/// <summary>
/// Issue 12, item 2: numbers Parley can compute with are accepted (capabilities and positions up to
/// the largest double); a scale whose width overflows a double is the one thing refused, with a
/// located message stating the rule.
/// </summary>
public sealed class ExtremeNumberValidationTests
{
    private static string Scenario(string min, string max, string position1, string position2, string capability) => $$"""
        id: t
        title: T
        actors:
          - { id: a, name: A, capability: {{capability}} }
          - { id: b, name: B, capability: {{capability}} }
        issues:
          - id: x
            name: X
            min: {{min}}
            max: {{max}}
        stances:
          - { actor: a, issue: x, position: {{position1}}, salience: 0.5 }
          - { actor: b, issue: x, position: {{position2}}, salience: 0.9 }
        """;

    [Fact]
    public void ScaleWhoseWidthOverflows_IsRejected_AtTheScaleMax_WithTheRule()
    {
        var result = ScenarioFiles.ReadText(Scenario("-1e308", "1e308", "-1e308", "1e308", "3"), "f.yaml", ScenarioFormat.Yaml);

        Assert.False(result.Succeeded);
        var message = Assert.Single(result.Diagnostics).ToString();
        Assert.Equal(
            "f.yaml:10:10: issue 'x': the scale from -1E+308 to 1E+308 is too wide; its width (max - min) must be at most 1.7976931348623157E+308, the largest number Parley can compute with (divide the scale and its positions by a common factor)",
            message);
    }

    [Theory]
    [InlineData("0", "100", "20", "80", "1e308")]
    [InlineData("0", "1.5e308", "1e308", "1.4e308", "3")]
    [InlineData("-8e307", "8e307", "-8e307", "8e307", "1.7976931348623157e308")]
    public void ExtremeButRepresentableNumbers_AreValid_AndEveryModelForecastsFinitely(string min, string max, string position1, string position2, string capability)
    {
        var result = ScenarioFiles.ReadText(Scenario(min, max, position1, position2, capability), "f.yaml", ScenarioFormat.Yaml);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var scenario = result.Scenario!;
        var issue = scenario.Issues.Single();
        foreach (var model in ModelCatalog.All)
        {
            var forecast = model.Run(scenario, ModelOptions.Default).Issues.Single().Forecast;
            Assert.True(double.IsFinite(forecast) && forecast >= issue.ScaleMin && forecast <= issue.ScaleMax, $"{model.Info.Id}: {forecast}");
        }
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("-1.7976931348623157e308")]
    public void Bdm_OneCommonHugePosition_GetsAValidScaleAroundIt(string position)
    {
        var result = ScenarioFiles.ReadText($"Actor,Capability,Position,Salience\nA,1e308,{position},0.5\nB,1e308,{position},0.9\n", "case.csv");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var issue = result.Scenario!.Issues.Single();
        Assert.True(issue.ScaleMax > issue.ScaleMin && double.IsFinite(issue.ScaleWidth));
        Assert.InRange(double.Parse(position, System.Globalization.CultureInfo.InvariantCulture), issue.ScaleMin, issue.ScaleMax);
    }
}

using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class ForecastCommandTests
{
    [Fact]
    public void Forecast_NoScenario_PrintsAlaskaTableForAllBaselines()
    {
        var (exitCode, output, error) = CliRunner.Run("forecast");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("US-Russia summit in Alaska", output, StringComparison.Ordinal);
        foreach (var text in new[] { "compromise", "median", "nash", "Ceasefire timing", "Territorial settlement", "Sanctions on Russia" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_Json_HasTheDocumentedShape()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("alaska-2025", root.GetProperty("scenario").GetString());
        var forecasts = root.GetProperty("forecasts").EnumerateArray().ToList();
        Assert.Equal(Parley.Core.Models.ModelCatalog.All.Select(m => m.Info.Id), forecasts.Select(f => f.GetProperty("model").GetString()));
        foreach (var forecast in forecasts)
        {
            var issues = forecast.GetProperty("issues").EnumerateArray().ToList();
            Assert.Equal(7, issues.Count);
            foreach (var issue in issues)
            {
                var value = issue.GetProperty("forecast").GetDouble();
                Assert.InRange(value, issue.GetProperty("min").GetDouble(), issue.GetProperty("max").GetDouble());
                Assert.False(string.IsNullOrEmpty(issue.GetProperty("nearest_anchor").GetProperty("label").GetString()));
            }
        }
    }

    [Fact]
    public void Forecast_SameInput_GivesByteIdenticalJson()
    {
        Assert.Equal(CliRunner.Run("forecast", "--json").Output, CliRunner.Run("forecast", "--json").Output);
    }

    [Fact]
    public void Forecast_OneModelWithParameter_RunsOnlyThatModel()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--model", "nash", "--param", "utility=quadratic", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("nash", Assert.Single(document.RootElement.GetProperty("forecasts").EnumerateArray()).GetProperty("model").GetString());
    }

    [Theory]
    [InlineData(new[] { "forecast", "--model", "oracle" }, "parley: unknown model 'oracle'; use one of compromise")]
    [InlineData(new[] { "forecast", "--model", "nash", "--param", "utility=cubic" }, "parley: option utility: 'cubic' is not allowed; use one of linear, quadratic")]
    [InlineData(new[] { "forecast", "--param", "novalue" }, "parley: --param 'novalue' must look like NAME=VALUE")]
    [InlineData(new[] { "forecast", "--rounds", "0" }, "parley: --rounds must be 1 or more")]
    [InlineData(new[] { "forecast", "--format", "word" }, "parley: --format 'word' is not a known format; use one of yaml, json")]
    [InlineData(new[] { "forecast", "missing.yaml" }, "missing.yaml:1:1: cannot read the file: no such file")]
    [InlineData(new[] { "forecast", "one.yaml", "two.yaml" }, "parley: Unrecognized command or argument 'two.yaml'.")]
    public void Forecast_BadInput_ExitsTwoWithAMessageAndNoStackTrace(string[] args, string expected)
    {
        var (exitCode, output, error) = CliRunner.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_JsonWithoutTrace_StillRecordsEveryRoundOfDynamicModels()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", "--model", "exchange,compromise", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var forecasts = document.RootElement.GetProperty("forecasts");
        var exchange = forecasts[0];
        Assert.Equal(exchange.GetProperty("rounds_run").GetInt32(), exchange.GetProperty("rounds").GetArrayLength());
        Assert.False(forecasts[1].TryGetProperty("rounds", out _));
    }
}

using System.Text.Json;
using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

public sealed class ExpectedUtilityCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-eum-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string WriteCase(string text)
    {
        var path = Path.Combine(folder, "case.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static string Emissions => ReferenceData.PathOf("bdm/emissions-1994.csv");

    [ReferenceFact]
    public void Forecast_EumScholzCodeJson_CarriesEveryRoundWithOffersPositionsMeanAndMedian()
    {
        var (exitCode, output, error) = CliRunner.Run("forecast", Emissions, "--model", "eum", "--variant", "scholz-code", "--rounds", "10", "--trace", "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        using var document = JsonDocument.Parse(output);
        var forecast = Assert.Single(document.RootElement.GetProperty("forecasts").EnumerateArray());
        Assert.Equal("eum", forecast.GetProperty("model").GetString());
        Assert.Equal(10, forecast.GetProperty("rounds_run").GetInt32());
        Assert.Equal("scholz-code", forecast.GetProperty("details").GetProperty("variant").GetString());
        var rounds = forecast.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), rounds.Select(r => r.GetProperty("round").GetInt32()));
        var firstMove = rounds[0].GetProperty("offers").EnumerateArray().First(o => o.GetProperty("accepted").GetBoolean());
        Assert.Equal(("France", "Belgium", "compromise"), (firstMove.GetProperty("from").GetString(), firstMove.GetProperty("to").GetString(), firstMove.GetProperty("type").GetString()));
        Assert.Equal(-0.11483050347300794, firstMove.GetProperty("receiver_eu").GetDouble(), 12);
        Assert.Equal(0.2432965945234421, firstMove.GetProperty("proposer_eu").GetDouble(), 12);
        Assert.Equal(8.415932315426764, firstMove.GetProperty("new_position").GetDouble(), 12);
        Assert.Equal(7.242130958473938, rounds[^1].GetProperty("mean").GetDouble(), 12);
        Assert.Equal(10, rounds[^1].GetProperty("positions").EnumerateObject().Count());
        Assert.Equal(4.144849062500606, rounds[^1].GetProperty("positions").GetProperty("Ireland").GetDouble(), 12);
        Assert.True(rounds[^1].TryGetProperty("median", out _));
    }

    [ReferenceFact]
    public void Forecast_EumTrace_PrintsOneSentencePerMove()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", Emissions, "--model", "eum", "--variant", "scholz-code", "--rounds", "1", "--trace");

        Assert.Equal(0, exitCode);
        Assert.Contains("Luxembourg gives in to Belgium: it expects to lose a confrontation (EU 0.25 against 0.54) and moves from 4 to 7.", output, StringComparison.Ordinal);
        Assert.Contains("Round 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_EumOnABdmCsv_DefaultVariantRunsAndForecastsTheMeanWhenAsked()
    {
        var path = WriteCase("Actor,Capability,Position,Salience\nA,10,0,80\nB,20,40,50\nC,15,60,90\nD,5,100,30\n");

        var (medianExit, medianOutput, _) = CliRunner.Run("forecast", path, "--model", "eum", "--rounds", "3", "--trace", "--json");
        var (meanExit, meanOutput, _) = CliRunner.Run("forecast", path, "--model", "eum", "--rounds", "3", "--forecast", "mean", "--trace", "--json");

        Assert.Equal((0, 0), (medianExit, meanExit));
        using var median = JsonDocument.Parse(medianOutput);
        using var mean = JsonDocument.Parse(meanOutput);
        var medianForecast = median.RootElement.GetProperty("forecasts")[0];
        var meanForecast = mean.RootElement.GetProperty("forecasts")[0];
        Assert.Equal("scholz", medianForecast.GetProperty("details").GetProperty("variant").GetString());
        Assert.Equal("median", medianForecast.GetProperty("details").GetProperty("forecast").GetString());
        var finalPositions = medianForecast.GetProperty("issues")[0].GetProperty("positions").EnumerateObject().Select(p => p.Value.GetDouble());
        Assert.Contains(medianForecast.GetProperty("issues")[0].GetProperty("forecast").GetDouble(), finalPositions);
        var lastRoundMean = meanForecast.GetProperty("rounds").EnumerateArray().Last().GetProperty("mean").GetDouble();
        Assert.Equal(lastRoundMean, meanForecast.GetProperty("issues")[0].GetProperty("forecast").GetDouble());
    }

    [Fact]
    public void Forecast_EumToleranceWithoutRounds_StopsOnItsOwn()
    {
        var path = WriteCase("Actor,Capability,Position,Salience\nA,10,0,0.8\nB,20,40,0.5\nC,15,60,0.9\nD,5,100,0.3\n");

        var (exitCode, output, _) = CliRunner.Run("forecast", path, "--model", "eum", "--tolerance", "1000", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var forecast = document.RootElement.GetProperty("forecasts")[0];
        Assert.Equal(1, forecast.GetProperty("rounds_run").GetInt32());
        Assert.True(forecast.GetProperty("converged").GetBoolean());
    }

    [Theory]
    [InlineData("--variant", "bdm", "parley: option variant: 'bdm' is not allowed; use one of scholz, scholz-code")]
    [InlineData("--forecast", "mode", "parley: option forecast: 'mode' is not allowed; use one of median, mean")]
    public void Forecast_EumBadOption_ExitsTwoSayingWhatIsAllowed(string option, string value, string expected)
    {
        var path = WriteCase("Actor,Capability,Position,Salience\nA,1,0,0.5\nB,1,10,0.5\n");

        var (exitCode, output, error) = CliRunner.Run("forecast", path, "--model", "eum", option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenBdmCsv_ExitsTwoWithLocatedErrors()
    {
        var path = WriteCase("Actor,Capability,Position,Salience\nA,1,0,0.5\nB,-1,x,0.5\n");

        var (exitCode, _, error) = CliRunner.Run("forecast", path, "--model", "eum");

        Assert.Equal(2, exitCode);
        Assert.Contains(":3:6: position is 'x', not a number; write a number with a decimal point, e.g. 0.5", error, StringComparison.Ordinal);
        Assert.Contains(":3:3: actor 'B': capability -1 is not allowed; capability is a finite number of 0 or more", error, StringComparison.Ordinal);
    }
}

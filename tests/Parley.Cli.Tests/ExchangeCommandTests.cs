using System.Text.Json;
using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

public sealed class ExchangeCommandTests
{
    private static string Copenhagen => ReferenceData.PathOf("decide/copenhagen.csv");

    [ReferenceFact]
    public void Forecast_ExchangeWithTrace_PrintsEveryRoundsExchangesAndOutcomes()
    {
        var (exitCode, output, error) = CliRunner.Run("forecast", Copenhagen, "--model", "exchange", "--rounds", "2", "--trace");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Round 1", output, StringComparison.Ordinal);
        Assert.Contains("Round 2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Round 3", output, StringComparison.Ordinal);
        Assert.Contains("48 exchanges realised", output, StringComparison.Ordinal);
        Assert.Matches(@"1\. \S.* moves on \S+ [\d.]+ -> [\d.]+; .* moves on \S+ [\d.]+ -> [\d.]+; gain [\d.]+", output);
        Assert.Contains("outcomes: Newtreaty", output, StringComparison.Ordinal);
    }

    [ReferenceFact]
    public void Forecast_ExchangeJsonWithTrace_HasRoundsWithExchangesAndIssueOutcomes()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", Copenhagen, "--model", "exchange", "--json", "--trace");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var forecast = Assert.Single(document.RootElement.GetProperty("forecasts").EnumerateArray());
        Assert.Equal(10, forecast.GetProperty("rounds_run").GetInt32());
        var rounds = forecast.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), rounds.Select(r => r.GetProperty("round").GetInt32()));
        var first = rounds[0];
        Assert.Equal(48, first.GetProperty("exchanges").GetArrayLength());
        var exchange = first.GetProperty("exchanges")[0];
        foreach (var field in new[] { "first_actor", "first_issue", "first_from", "first_to", "second_actor", "second_issue", "second_from", "second_to", "gain" })
        {
            Assert.True(exchange.TryGetProperty(field, out _), $"exchange has no {field}");
        }

        var issues = first.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(7, issues.Count);
        Assert.All(issues, i => Assert.InRange(i.GetProperty("outcome").GetDouble(), 0, 100));

        // The forecast is the voting outcome after the last round.
        var last = rounds[^1].GetProperty("issues").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("outcome").GetDouble());
        foreach (var issue in forecast.GetProperty("issues").EnumerateArray())
        {
            Assert.Equal(last[issue.GetProperty("id").GetString()!], issue.GetProperty("forecast").GetDouble(), 9);
        }
    }

    [ReferenceFact]
    public void Forecast_ExchangeRexWithSeed_IsReproducibleAndDiffersFromPlain()
    {
        string[] rex = ["forecast", Copenhagen, "--model", "exchange", "--rex-p", "0.5", "--seed", "3", "--json"];

        var first = CliRunner.Run(rex);
        var again = CliRunner.Run(rex);
        var plain = CliRunner.Run("forecast", Copenhagen, "--model", "exchange", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, again.Output);
        Assert.NotEqual(plain.Output, first.Output);
    }

    [ReferenceFact]
    public void Forecast_ExchangeToleranceOfHundred_StopsAfterOneRound()
    {
        var (exitCode, output, _) = CliRunner.Run("forecast", Copenhagen, "--model", "exchange", "--tolerance", "100", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var forecast = document.RootElement.GetProperty("forecasts")[0];
        Assert.Equal(1, forecast.GetProperty("rounds_run").GetInt32());
        Assert.True(forecast.GetProperty("converged").GetBoolean());
    }

    [ReferenceFact]
    public void Forecast_ExchangeRexOutOfRange_ExitsTwoSayingWhatIsAllowed()
    {
        var (exitCode, _, error) = CliRunner.Run("forecast", Copenhagen, "--model", "exchange", "--rex-p", "2");

        Assert.Equal(2, exitCode);
        Assert.Contains("rex-p", error, StringComparison.Ordinal);
        Assert.Contains("from 0 to 1", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [ReferenceFact]
    public void Forecast_DecideFileWithErrors_ExitsTwoListingBothLocatedErrors()
    {
        var path = ReferenceData.PathOf("decide/copenhagen_with_errors.csv");

        var (exitCode, _, error) = CliRunner.Run("forecast", path, "--model", "exchange");

        Assert.Equal(2, exitCode);
        Assert.Contains($"{path}:86:19: ", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:87:32: ", error, StringComparison.Ordinal);
    }
}

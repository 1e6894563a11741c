using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class MonteCarloCommandTests
{
    [Fact]
    public void MonteCarlo_NoScenario_PrintsTheAlaskaDistributionTable()
    {
        var (exitCode, output, error) = CliRunner.Run("montecarlo", "--draws", "2000");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        foreach (var text in new[] { "US-Russia summit in Alaska", "Ceasefire timing", "Sanctions on Russia", "95%", "compromise: 2,000 draws, seed 0" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MonteCarlo_SameSeed_GivesByteIdenticalTablesOnOneAndManyThreads()
    {
        // The table carries no timing (the speed goes to a terminal's progress line only).
        var one = CliRunner.Run("montecarlo", "--draws", "3001", "--seed", "99", "--threads", "1");
        var two = CliRunner.Run("montecarlo", "--draws", "3001", "--seed", "99", "--threads", "2");

        Assert.Equal(0, one.ExitCode);
        Assert.Contains("compromise: 3,001 draws, seed 99", one.Output, StringComparison.Ordinal);
        Assert.Equal(one.Output, two.Output);
    }

    [Fact]
    public void MonteCarlo_SameSeed_GivesByteIdenticalJsonOnOneAndManyThreads()
    {
        var one = CliRunner.Run("montecarlo", "--draws", "3001", "--seed", "99", "--threads", "1", "--json");
        var two = CliRunner.Run("montecarlo", "--draws", "3001", "--seed", "99", "--threads", "2", "--json");
        var five = CliRunner.Run("montecarlo", "--draws", "3001", "--seed", "99", "--threads", "5", "--json");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Output, two.Output);
        Assert.Equal(one.Output, five.Output);
        Assert.NotEqual(one.Output, CliRunner.Run("montecarlo", "--draws", "3001", "--seed", "100", "--json").Output);
    }

    [Fact]
    public void MonteCarlo_Json_HasTheDocumentedShape()
    {
        var (exitCode, output, _) = CliRunner.Run("montecarlo", "--model", "median", "--draws", "1500", "--bins", "10", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("alaska-2025", root.GetProperty("scenario").GetString());
        Assert.Equal("median", root.GetProperty("model").GetString());
        Assert.Equal(1500, root.GetProperty("draws").GetInt32());
        Assert.False(root.GetProperty("partial").GetBoolean());
        Assert.Equal(0.1, root.GetProperty("spread").GetProperty("position").GetDouble());
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(7, issues.Count);
        foreach (var issue in issues)
        {
            var quantiles = issue.GetProperty("quantiles").EnumerateArray().Select(q => q.GetProperty("value").GetDouble()).ToList();
            Assert.Equal(5, quantiles.Count);
            Assert.Equal(quantiles.Order(), quantiles);
            Assert.InRange(issue.GetProperty("mean").GetDouble(), issue.GetProperty("min").GetDouble(), issue.GetProperty("max").GetDouble());
            var histogram = issue.GetProperty("histogram").EnumerateArray().ToList();
            Assert.Equal(10, histogram.Count);
            Assert.Equal(1500, histogram.Sum(bin => bin.GetProperty("count").GetInt64()));
        }

        Assert.NotEmpty(root.GetProperty("inputs").EnumerateArray());
        Assert.False(root.TryGetProperty("rounds", out _));
    }

    [Fact]
    public void MonteCarlo_SpreadZero_VariesOnlyTheRangesTheScenarioGives()
    {
        var (_, output, _) = CliRunner.Run("montecarlo", "--draws", "10", "--spread", "0", "--json");
        using var document = JsonDocument.Parse(output);
        Assert.All(document.RootElement.GetProperty("inputs").EnumerateArray(), input => Assert.False(input.GetProperty("from_default_spread").GetBoolean()));
    }

    [Fact]
    public void MonteCarlo_ScenarioFileWithDefaultSpread_UsesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-mc-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, BuiltInScenarios.AlaskaText().Replace("\nsources:", "\ndefault_spread: { position: 0.05, salience: 0, capability: 0.2 }\nsources:", StringComparison.Ordinal));
            var (exitCode, output, error) = CliRunner.Run("montecarlo", path, "--draws", "50", "--json");
            Assert.True(exitCode == 0, error);
            using var document = JsonDocument.Parse(output);
            var spread = document.RootElement.GetProperty("spread");
            Assert.Equal((0.05, 0.0, 0.2), (spread.GetProperty("position").GetDouble(), spread.GetProperty("salience").GetDouble(), spread.GetProperty("capability").GetDouble()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--draws", "0", "--draws 0 is not allowed")]
    [InlineData("--threads", "-1", "--threads -1 is not allowed")]
    [InlineData("--spread", "2", "--spread 2 is not allowed")]
    [InlineData("--model", "oracle", "unknown model 'oracle'")]
    [InlineData("--bins", "0", "--bins 0 is not allowed")]
    public void MonteCarlo_BadOption_ExitsTwoSayingWhatIsAllowed(string option, string value, string message)
    {
        var (exitCode, output, error) = CliRunner.Run("montecarlo", option, value);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MonteCarlo_Cancelled_ReportsThePartialResultAsPartial()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, redirected: true) { Cancellation = new CancellationToken(canceled: true) };

        var exitCode = ParleyApp.Run(["montecarlo", "--draws", "100000", "--json"], console);

        Assert.Equal(130, exitCode);
        using var document = JsonDocument.Parse(output.ToString());
        Assert.True(document.RootElement.GetProperty("partial").GetBoolean());
        Assert.Equal(100_000, document.RootElement.GetProperty("draws_requested").GetInt32());
        Assert.Contains("partial", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_NoScenario_PrintsATornadoTablePerIssue()
    {
        var (exitCode, output, error) = CliRunner.Run("sensitivity", "--draws", "500", "--top", "3");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        foreach (var text in new[] { "Ceasefire timing: forecast", "swing", "rho", "Spearman rank correlation" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sensitivity_Json_RanksBarsBySwingAndIsThreadIndependent()
    {
        var one = CliRunner.Run("sensitivity", "--model", "nash", "--draws", "800", "--threads", "1", "--json");
        var two = CliRunner.Run("sensitivity", "--model", "nash", "--draws", "800", "--threads", "2", "--json");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Output, two.Output);
        using var document = JsonDocument.Parse(one.Output);
        Assert.Equal(800, document.RootElement.GetProperty("draws").GetInt32());
        foreach (var issue in document.RootElement.GetProperty("issues").EnumerateArray())
        {
            var swings = issue.GetProperty("bars").EnumerateArray().Select(b => b.GetProperty("swing").GetDouble()).ToList();
            Assert.NotEmpty(swings);
            Assert.Equal(swings.OrderDescending(), swings);
        }
    }
}

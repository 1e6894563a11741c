using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Parley.Formats.Calibration;
using Parley.Reports;
using Parley.Tests.Shared;

namespace Parley.Cli.Tests;

/// <summary><c>parley backtest --calibration-out</c> and <c>parley forecast|report --calibration</c> (docs/validation.md).</summary>
public sealed class CalibrationCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-calibration-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string DevFile => ReferenceData.PathOf("deu3/deu3-dev.tsv");

    private string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>Terminal text with its line wrapping undone: every run of white space becomes one space.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private string Write(string name, string text)
    {
        var path = PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Two actors on 0-100: a at <paramref name="left"/> (weight 1), b at <paramref name="right"/> (capability 3 × salience 0.5), so compromise forecasts (left + 1.5 right) / 2.5.</summary>
    private string Scenario(string name, double left, double right, double? outcome = null) => Write(name, string.Create(CultureInfo.InvariantCulture, $$"""
        id: {{Path.GetFileNameWithoutExtension(name)}}
        title: Test {{name}}
        actors:
          - { id: a, name: A, capability: 1 }
          - { id: b, name: B, capability: 3 }
        issues:
          - id: money
            name: Money
            min: 0
            max: 100
        {{(outcome is { } known ? $"    outcome: {known}" : string.Empty)}}
        stances:
          - { actor: a, issue: money, position: {{left}}, salience: 1 }
          - { actor: b, issue: money, position: {{right}}, salience: 0.5 }

        """));

    /// <summary>A plain calibration of compromise: q = 10, 20 and 50 points at 50, 80 and 90 %.</summary>
    private string PlainCalibration(string model = "compromise") => Write("cal.json", $$"""
        {
          "format": "parley-interval-calibration",
          "version": 1,
          "dataset": "cases.tsv",
          "data": [],
          "entries": [
            {
              "model": "{{model}}",
              "options": "",
              "mode": "proposal",
              "scale": {"kind": "none", "floor": 0},
              "folds": 10,
              "n": 40,
              "levels": [
                {"level": 0.5, "quantile": 10, "held_out_inside": 20, "held_out_n": 40},
                {"level": 0.8, "quantile": 20, "held_out_inside": 33, "held_out_n": 40},
                {"level": 0.9, "quantile": 50, "held_out_inside": 36, "held_out_n": 40}
              ]
            }
          ]
        }
        """);

    [Fact]
    public void Forecast_WithCalibration_GivesForecastPlusMinusQuantileClippedToTheScale()
    {
        // Compromise: (20 + 1.5 · 80) / 2.5 = 56; ± 10, 20, 50 clipped to 0-100.
        var scenario = Scenario("s.yaml", 20, 80);
        var calibration = PlainCalibration();

        var (exit, output, error) = CliRunner.Run("forecast", scenario, "--model", "compromise", "--calibration", calibration, "--json");

        Assert.True(exit == 0, error);
        var model = JsonDocument.Parse(output).RootElement.GetProperty("forecasts")[0];
        var issue = model.GetProperty("issues")[0];
        Assert.Equal(56, issue.GetProperty("forecast").GetDouble(), 9);
        var intervals = issue.GetProperty("calibrated_intervals").EnumerateArray()
            .Select(i => (i.GetProperty("level").GetDouble(), Math.Round(i.GetProperty("low").GetDouble(), 9), Math.Round(i.GetProperty("high").GetDouble(), 9))).ToArray();
        Assert.Equal([(0.5, 46.0, 66.0), (0.8, 36.0, 76.0), (0.9, 6.0, 100.0)], intervals);
        Assert.Equal(0.825, issue.GetProperty("calibrated_intervals")[1].GetProperty("held_out_coverage").GetDouble());
        var label = model.GetProperty("calibration").GetProperty("label").GetString();
        Assert.Equal("calibrated on cases.tsv, n=40, held-out coverage 50%/83%/90% at nominal 50/80/90% (proposal mode, scale none (s = 1))", label);

        var text = CliRunner.Run("forecast", scenario, "--model", "compromise", "--calibration", calibration);
        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Matches(@"\| Money +\| compromise +\| +56 \| +46 – 66 \| +36 – 76 \| +6 – 100 \|", text.Output);
        Assert.Contains("compromise: " + label, Flat(text.Output), StringComparison.Ordinal);
        Assert.Contains("Not the Monte Carlo band, which shows input sensitivity only.", Flat(text.Output), StringComparison.Ordinal);
        Assert.DoesNotContain("No predictive intervals", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_WithoutCalibration_SaysThereAreNoPredictiveIntervals()
    {
        var (exit, output, error) = CliRunner.Run("forecast", Scenario("s.yaml", 20, 80), "--model", "compromise");

        Assert.True(exit == 0, error);
        Assert.Contains("No predictive intervals: the Monte Carlo bands of parley montecarlo and parley report --draws show input sensitivity only", Flat(output), StringComparison.Ordinal);
        Assert.DoesNotContain("calibrated_intervals", CliRunner.Run("forecast", Scenario("t.yaml", 20, 80), "--model", "compromise", "--json").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_CalibrationOfAnotherModel_ExitsTwoWithALocatedError()
    {
        var (exit, output, error) = CliRunner.Run("forecast", Scenario("s.yaml", 20, 80), "--model", "compromise,median", "--calibration", PlainCalibration());

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(PathOf("cal.json") + ":6:3: no entry calibrates model 'median'; this file calibrates compromise.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"format\": \"parley-interval-calibration\", \"entries\": [", "not valid JSON")]
    [InlineData("[1, 2]", "a calibration file is a JSON object")]
    [InlineData("{\"format\": \"parley-interval-calibration\", \"version\": 1, \"dataset\": \"d\", \"entries\": []}", "\"entries\" is a non-empty list")]
    public void Forecast_BrokenCalibration_ExitsTwoWithALocatedError(string text, string expected)
    {
        var file = Write("broken.json", text);

        var (exit, _, error) = CliRunner.Run("forecast", Scenario("s.yaml", 20, 80), "--model", "compromise", "--calibration", file);

        Assert.Equal(2, exit);
        Assert.Matches(@"broken\.json:\d+:\d+: ", error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_MissingCalibrationFile_ExitsTwo()
    {
        var (exit, _, error) = CliRunner.Run("forecast", Scenario("s.yaml", 20, 80), "--model", "compromise", "--calibration", PathOf("absent.json"));

        Assert.Equal(2, exit);
        Assert.Contains("absent.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_CalibrationOut_RoundTripsAndIsAppliedByForecast()
    {
        // Twelve one-issue files, each its own group: outcomes off the compromise by 0, 5, 10, ... points.
        var cases = Directory.CreateDirectory(PathOf("cases")).FullName;
        for (var i = 0; i < 12; i++)
        {
            Scenario(Path.Combine("cases", $"c{i:00}.yaml"), 10 * (i % 5), 50 + (4 * i), Math.Min(100, 50 + (5 * i)));
        }

        var target = PathOf("out.json");
        var (exit, output, error) = CliRunner.Run("backtest", cases, "--models", "compromise,median", "--draws", "0", "--json", "--calibration-out", target);

        Assert.True(exit == 0, error);
        Assert.Contains($"written to {target}", error, StringComparison.Ordinal);
        var written = File.ReadAllText(target);
        var (calibration, diagnostics) = IntervalCalibrationReader.Read(target);
        Assert.Empty(diagnostics);
        Assert.NotNull(calibration);

        // Round trip: the file read back writes the same bytes, and holds the backtest's own quantiles and coverage.
        Assert.Equal(written, IntervalCalibrationDocument.ToJson(calibration));
        Assert.Equal(8, calibration.Entries.Length); // 2 models × 2 modes × (normalized, plain)
        var json = JsonDocument.Parse(output).RootElement.GetProperty("modes")[0].GetProperty("models")[0];
        var plain = calibration.Entries.Single(e => e.Model == "compromise" && e.Mode == "proposal" && !e.Conformal.Scale.IsNormalized);
        var normalized = calibration.Entries.Single(e => e.Model == "compromise" && e.Mode == "proposal" && e.Conformal.Scale.IsNormalized);
        Assert.Equal(json.GetProperty("conformal").GetProperty("levels")[1].GetProperty("half_width").GetDouble(), Math.Round(plain.Conformal.Levels[1].HalfWidth, 4, MidpointRounding.AwayFromZero));
        Assert.Equal(json.GetProperty("conformal_normalized").GetProperty("levels")[1].GetProperty("quantile").GetDouble(), Math.Round(normalized.Conformal.Levels[1].HalfWidth, 4, MidpointRounding.AwayFromZero));
        Assert.Equal(json.GetProperty("conformal_normalized_coverage").GetProperty("0.8").GetDouble(), Math.Round(normalized.Conformal.Levels[1].Share, 4, MidpointRounding.AwayFromZero));
        Assert.Equal(12, normalized.Conformal.Count);
        Assert.Equal("cases", calibration.Dataset);
        Assert.Equal(12, calibration.Data.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(cases, "c00.yaml")))), calibration.Data[0].Sha256);

        // The same backtest writes the same bytes (no date, no path), and an existing file is never overwritten.
        var again = PathOf("again.json");
        Assert.Equal(0, CliRunner.Run("backtest", cases, "--models", "compromise,median", "--draws", "0", "--calibration-out", again).ExitCode);
        Assert.Equal(written, File.ReadAllText(again));
        var refused = CliRunner.Run("backtest", cases, "--models", "compromise", "--draws", "0", "--calibration-out", again);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--calibration-out", refused.Error, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(again));

        // forecast applies the normalized proposal-mode entry: forecast ± q·s with s the weighted spread of positions + 5.
        var scenario = Scenario("new.yaml", 20, 80);
        var forecast = CliRunner.Run("forecast", scenario, "--model", "compromise,median", "--calibration", target, "--json");
        Assert.True(forecast.ExitCode == 0, forecast.Error);
        var issue = JsonDocument.Parse(forecast.Output).RootElement.GetProperty("forecasts")[0].GetProperty("issues")[0];
        var spread = Math.Sqrt(((1 * 36.0 * 36) + (1.5 * 24.0 * 24)) / 2.5); // positions 20 and 80 around 56, weights 1 and 1.5
        var halfWidth = normalized.Conformal.Levels[0].HalfWidth * (spread + 5);
        Assert.Equal(56 - halfWidth, issue.GetProperty("calibrated_intervals")[0].GetProperty("low").GetDouble(), 9);
        Assert.Equal(56 + halfWidth, issue.GetProperty("calibrated_intervals")[0].GetProperty("high").GetDouble(), 9);
    }

    [Fact]
    public void Report_WithCalibration_ShowsTheCalibratedIntervalsAndTheirLabel()
    {
        var target = PathOf("r.html");

        var (exit, _, error) = CliRunner.Run("report", Scenario("s.yaml", 20, 80), "-o", target, "--model", "compromise", "--calibration", PlainCalibration());

        Assert.True(exit == 0, error);
        var html = File.ReadAllText(target);
        Assert.Contains("Calibrated intervals", html, StringComparison.Ordinal);
        Assert.Contains("46 – 66", html, StringComparison.Ordinal);
        Assert.Contains("compromise: calibrated on cases.tsv, n=40, held-out coverage 50%/83%/90%", html, StringComparison.Ordinal);
    }

    [ReferenceFact]
    public void Backtest_DevFile_NormalizedIntervalsHoldTheirLevelAndForecastLabelsThem()
    {
        var target = PathOf("deu.json");
        var (exit, output, error) = CliRunner.Run("backtest", DevFile, "--format", "deu", "--draws", "0", "--json", "--calibration-out", target);

        Assert.True(exit == 0, error);
        foreach (var mode in JsonDocument.Parse(output).RootElement.GetProperty("modes").EnumerateArray())
        {
            foreach (var model in mode.GetProperty("models").EnumerateArray())
            {
                // Held out by proposal, the normalized intervals hold close to their level for every model.
                var coverage = model.GetProperty("conformal_normalized_coverage");
                Assert.InRange(coverage.GetProperty("0.5").GetDouble(), 0.44, 0.56);
                Assert.InRange(coverage.GetProperty("0.8").GetDouble(), 0.74, 0.86);
                Assert.InRange(coverage.GetProperty("0.9").GetDouble(), 0.85, 0.95);
                Assert.Equal("position-spread", model.GetProperty("conformal_normalized").GetProperty("scale").GetProperty("kind").GetString());
            }

            // The reason to normalize: for compromise, narrower 80% intervals on average than the plain ones at the same coverage,
            // and on the hardest third of issues (most spread) closer to 80% than the plain intervals' 70%.
            var compromise = mode.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "compromise");
            double Width(string name) => compromise.GetProperty(name).GetProperty("levels")[1].GetProperty("mean_held_out_width").GetDouble();
            Assert.True(Width("conformal_normalized") < Width("conformal") - 2, $"{Width("conformal_normalized")} against {Width("conformal")}");
            double Hardest(string name) => compromise.GetProperty(name).GetProperty("by_difficulty").GetProperty("0.8")[2].GetDouble();
            Assert.True(Hardest("conformal_normalized") > Hardest("conformal"), $"{Hardest("conformal_normalized")} against {Hardest("conformal")}");
        }

        var (calibration, diagnostics) = IntervalCalibrationReader.Read(target);
        Assert.Empty(diagnostics);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(DevFile))), Assert.Single(calibration!.Data).Sha256);
        Assert.Equal(180, calibration.For("compromise", string.Empty)!.Conformal.Count);

        var forecast = CliRunner.Run("forecast", "--calibration", target);
        Assert.True(forecast.ExitCode == 0, forecast.Error);
        Assert.Contains("recommended: calibrated on deu3-dev.tsv, n=180, held-out coverage", Flat(forecast.Output), StringComparison.Ordinal);
    }
}

using Parley.Core.Backtesting;
using Parley.Formats.Calibration;

namespace Parley.Formats.Tests.Calibration;

public sealed class IntervalCalibrationReaderTests
{
    private const string ValidLevels = """
                {"level": 0.5, "quantile": 0.43, "held_out_inside": 90, "held_out_n": 180, "held_out_coverage": 0.5, "mean_held_out_width": 34.4},
                {"level": 0.8, "quantile": 0.79, "held_out_inside": 145, "held_out_n": 180},
                {"level": 0.9, "quantile": null, "held_out_inside": 162, "held_out_n": 180}
        """;

    /// <summary>A valid file with one normalized entry; <paramref name="levels"/> replaces its levels' lines.</summary>
    private static string File(string? levels = null, string model = "compromise", string scale = """{"kind": "position-spread", "floor": 5}""") => $$"""
        {
          "format": "parley-interval-calibration",
          "version": 1,
          "dataset": "deu3-dev.tsv",
          "data": [{"file": "deu3-dev.tsv", "sha256": "{{new string('0', 64)}}"}],
          "capability": "equal",
          "entries": [
            {
              "model": "{{model}}",
              "options": "",
              "mode": "proposal",
              "scale": {{scale}},
              "folds": 10,
              "n": 180,
              "levels": [
        {{levels ?? ValidLevels}}
              ]
            }
          ]
        }
        """;

    private static string Messages(System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics) => string.Join("\n", diagnostics);

    [Fact]
    public void Read_ValidFile_KeepsEveryEntryAndLevel()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText(File(), "cal.json");

        Assert.Empty(diagnostics);
        Assert.NotNull(calibration);
        Assert.Equal(("deu3-dev.tsv", "equal"), (calibration.Dataset, calibration.Capability));
        Assert.Equal(new string('0', 64), Assert.Single(calibration.Data).Sha256);
        var entry = Assert.Single(calibration.Entries);
        Assert.Equal(("compromise", string.Empty, "proposal", ConformalScale.PositionSpread), (entry.Model, entry.Options, entry.Mode, entry.Conformal.Scale));
        Assert.Equal([0.43, 0.79, double.PositiveInfinity], entry.Conformal.Levels.Select(l => l.HalfWidth));
        Assert.Equal([90, 145, 162], entry.Conformal.Levels.Select(l => l.Inside));
        Assert.Equal(34.4, entry.Conformal.Levels[0].MeanHeldOutWidth);
    }

    [Fact]
    public void Read_NotJson_IsLocated()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText("{\"format\": \"parley-interval-calibration\",\n  \"entries\": [\n", "cal.json");

        Assert.Null(calibration);
        Assert.StartsWith("cal.json:", Assert.Single(diagnostics).ToString(), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherFormat_SaysItIsNotACalibrationFile()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText("{\n  \"format\": \"parley-forecast\"\n}", "cal.json");

        Assert.Null(calibration);
        Assert.Equal("cal.json:2:13: \"format\" must be \"parley-interval-calibration\"; this is not a Parley calibration file", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Read_AnotherKindOfJson_GivesOneMessageNotOnePerField()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText("{\"dataset\": \"deu3-dev.tsv\", \"modes\": []}", "backtest.json");

        Assert.Null(calibration);
        Assert.StartsWith("backtest.json:1:1: \"format\": \"parley-interval-calibration\" is missing; this is not a Parley calibration file", Assert.Single(diagnostics).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingQuantile_IsLocatedAtItsLevel()
    {
        var levels = """
                {"level": 0.5, "held_out_inside": 90, "held_out_n": 180}
        """;

        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText(File(levels), "cal.json");

        Assert.Null(calibration);
        Assert.Equal("cal.json:16:9: \"quantile\" is missing", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Read_BrokenLevels_ReportsEveryProblemAtOnce()
    {
        var levels = """
                {"level": 1.5, "quantile": 0.4, "held_out_inside": 90, "held_out_n": 180},
                {"level": 0.8, "quantile": -2, "held_out_inside": 190, "held_out_n": 180},
                {"level": 0.9, "quantile": "wide", "held_out_inside": 1, "held_out_n": 2, "coverage": 0.5}
        """;

        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText(File(levels), "cal.json");

        Assert.Null(calibration);
        var text = Messages(diagnostics);
        Assert.Contains("cal.json:16:19: \"level\" is a nominal coverage strictly between 0 and 1", text, StringComparison.Ordinal);
        Assert.Contains("cal.json:17:36: \"quantile\" is a non-negative number", text, StringComparison.Ordinal);
        Assert.Contains("cal.json:17:59: \"held_out_inside\" counts outcomes inside and cannot exceed \"held_out_n\"", text, StringComparison.Ordinal);
        Assert.Contains("cal.json:18:36: \"quantile\" is a finite number", text, StringComparison.Ordinal);
        Assert.Contains("cal.json:18:83: \"coverage\" is not a field of a level; allowed:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownScale_SaysWhichAreAllowed()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText(File(scale: """{"kind": "variance", "floor": 5}"""), "cal.json");

        Assert.Null(calibration);
        var problem = Assert.Single(diagnostics).ToString();
        Assert.StartsWith("cal.json:12:16: scale kind \"variance\" with floor 5 is not allowed; use kind none with floor 0, or position-spread", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RequiredModelMissing_IsLocatedAtTheEntriesAndNamesThoseCalibrated()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.ReadText(File(), "cal.json", [("compromise", string.Empty), ("smp", string.Empty), ("compromise", "rounds=5")]);

        Assert.Null(calibration);
        Assert.Equal(2, diagnostics.Length);
        Assert.StartsWith("cal.json:7:3: no entry calibrates model 'smp'; this file calibrates compromise.", diagnostics[0].ToString(), StringComparison.Ordinal);
        Assert.StartsWith("cal.json:7:3: no entry calibrates model 'compromise' with options rounds=5;", diagnostics[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_IsADiagnosticNotAnException()
    {
        var (calibration, diagnostics) = IntervalCalibrationReader.Read(Path.Combine(Path.GetTempPath(), "parley-no-such-calibration.json"));

        Assert.Null(calibration);
        Assert.Single(diagnostics);
    }
}

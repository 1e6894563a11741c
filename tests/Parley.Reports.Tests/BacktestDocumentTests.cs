using System.Collections.Immutable;
using System.Text.Json;
using Parley.Core.Backtesting;

namespace Parley.Reports.Tests;

public sealed class BacktestDocumentTests
{
    private static BacktestModeRun[] Modes() => [new BacktestModeRun(BacktestMode.Proposal, Result(), null)];

    private static BacktestResult Result()
    {
        ImmutableArray<IssueError> errors =
        [
            new("case, one", "g\"1", "i1", 60, 50, -10),
            new("case2", "g2", "i1", 30, 50.123456789, 20.123456789),
        ];
        var accuracy = new ModelAccuracy
        {
            Model = "compromise",
            Options = "a=1,b=2",
            Count = 2,
            MeanAbsoluteError = 15.0617283945,
            MedianAbsoluteError = 15.0617283945,
            Within10 = 0.5,
            MeanError = 5.0617283945,
            MeanErrorVsCompromise = 0,
            BeatsCompromiseShare = 0,
            Errors = errors,
        };
        return new BacktestResult { Cases = 2, IssuesWithOutcome = 2, Models = [accuracy] };
    }

    [Fact]
    public void ToJson_HasTheDocumentedFieldsRoundedToFourDecimals()
    {
        using var document = JsonDocument.Parse(BacktestDocument.ToJson("data.tsv", "votes", Modes()));

        var root = document.RootElement;
        Assert.Equal("data.tsv", root.GetProperty("dataset").GetString());
        Assert.Equal("votes", root.GetProperty("capability").GetString());
        var mode = root.GetProperty("modes")[0];
        Assert.Equal("proposal", mode.GetProperty("mode").GetString());
        var model = mode.GetProperty("models")[0];
        Assert.Equal("compromise", model.GetProperty("model").GetString());
        Assert.Equal("a=1,b=2", model.GetProperty("options").GetString());
        Assert.Equal(2, model.GetProperty("n").GetInt32());
        Assert.Equal(15.0617, model.GetProperty("mae").GetDouble());
        Assert.Equal(0.5, model.GetProperty("within10").GetDouble());
        Assert.Equal(15.0617, model.GetProperty("nested_cv_mae").GetDouble());
        Assert.False(model.GetProperty("chosen_from_data").GetBoolean());
        Assert.False(mode.TryGetProperty("selection", out _));
    }

    [Fact]
    public void ToJson_WithoutCapability_LeavesTheFieldOut()
    {
        using var document = JsonDocument.Parse(BacktestDocument.ToJson("cases", null, Modes()));

        Assert.False(document.RootElement.TryGetProperty("capability", out _));
    }

    [Fact]
    public void ToErrorsCsv_QuotesFieldsWithCommasAndQuotes()
    {
        var lines = BacktestDocument.ToErrorsCsv(Modes()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("mode,model,options,case,group,issue,outcome,forecast,error,abs_error", lines[0]);
        Assert.Equal("proposal,compromise,\"a=1,b=2\",\"case, one\",\"g\"\"1\",i1,60,50,-10,10", lines[1]);
        Assert.Equal("proposal,compromise,\"a=1,b=2\",case2,g2,i1,30,50.1235,20.1235,20.1235", lines[2]);
    }

    [Fact]
    public void ToJson_ConformalIntervals_WriteCoverageAndAnInfiniteHalfWidthAsNull()
    {
        var result = Result();
        var conformal = new ConformalCalibration { Model = "compromise", Folds = 2, Count = 2, Levels = [new ConformalLevel(0.5, 12.345678, 11, 1, 2), new ConformalLevel(0.9, double.PositiveInfinity, double.PositiveInfinity, 2, 2)] };
        result = result with { Models = [result.Models[0] with { Conformal = conformal }] };

        using var document = JsonDocument.Parse(BacktestDocument.ToJson("data.tsv", null, [new BacktestModeRun(BacktestMode.Proposal, result, null)]));

        var model = document.RootElement.GetProperty("modes")[0].GetProperty("models")[0];
        Assert.Equal(0.5, model.GetProperty("conformal_coverage").GetProperty("0.5").GetDouble());
        Assert.Equal(1, model.GetProperty("conformal_coverage").GetProperty("0.9").GetDouble());
        var levels = model.GetProperty("conformal").GetProperty("levels");
        Assert.Equal(12.3457, levels[0].GetProperty("half_width").GetDouble());
        Assert.Equal(JsonValueKind.Null, levels[1].GetProperty("half_width").ValueKind);
    }

    [Fact]
    public void CalibrationChart_ConformalWithoutMonteCarlo_DrawsADashedLinePerModel()
    {
        var result = Result();
        var conformal = new ConformalCalibration { Model = "compromise", Folds = 2, Count = 2, Levels = [new ConformalLevel(0.5, 10, 10, 1, 2), new ConformalLevel(0.8, 20, 20, 2, 2)] };

        Assert.Null(Parley.Reports.Charts.BacktestCharts.Calibration(result));
        var chart = Parley.Reports.Charts.BacktestCharts.Calibration(result with { Models = [result.Models[0] with { Conformal = conformal }] })!;

        var line = Assert.Single(chart.Series, s => s.Name.EndsWith(", conformal", StringComparison.Ordinal));
        Assert.True(line.Dashed);
        Assert.Equal([(50.0, 50.0), (80.0, 100.0)], line.Points.Select(p => (p.X, p.Y)));
    }
}

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
}

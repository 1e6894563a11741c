using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Backtesting;
using Parley.Reports.Charts;

namespace Parley.Reports.Html;

/// <summary>
/// The offline HTML report of a backtest: the accuracy table, forecast against outcome per model,
/// the distribution of errors, and each model's MAE with a bootstrap interval (<see cref="BacktestCharts"/>).
/// </summary>
public static class BacktestReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every chart of the report, in page order.</summary>
    public static ImmutableArray<ChartSpec> Charts(BacktestResult result, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [BacktestCharts.MeanAbsoluteErrors(result, seed), BacktestCharts.Errors(result), .. BacktestCharts.Calibration(result) is { } calibration ? [calibration] : Array.Empty<ChartSpec>(), .. BacktestCharts.Scatter(result)];
    }

    /// <summary>A row of the accuracy table; the compromise baseline is not compared with itself.</summary>
    private static string[] Row(ModelAccuracy m)
    {
        var baseline = m.Model == "compromise" && m.Options.Length == 0;
        return
        [
            BacktestCharts.Label(m), m.Count.ToString(Invariant), m.MeanAbsoluteError.ToString("F2", Invariant), m.MedianAbsoluteError.ToString("F2", Invariant),
            (m.Within10 * 100).ToString("F1", Invariant) + "%", m.MeanError.ToString("+0.00;-0.00;0.00", Invariant),
            baseline ? "-" : m.MeanErrorVsCompromise.ToString("+0.00;-0.00;0.00", Invariant),
            baseline ? "-" : (m.BeatsCompromiseShare * 100).ToString("F1", Invariant) + "%",
        ];
    }

    /// <summary>The report as one self-contained HTML document.</summary>
    /// <param name="dataset">What was tested, e.g. the data set's file name.</param>
    /// <param name="result">The backtest.</param>
    /// <param name="command">The command that produced it, for the footer.</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <param name="stamp">A time stamp for the footer; <c>null</c> keeps the file byte-identical across runs.</param>
    public static string ToHtml(string dataset, BacktestResult result, string command, ulong seed = 0, string? stamp = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var page = new HtmlPage();
        var charts = Charts(result, seed);
        page.Section("accuracy", "Accuracy per model",
            "Errors are in points of each issue's scale rescaled to 0-100. 'vs compromise' is the mean of (|error| - |compromise error|) per issue: negative means better than the compromise model.");
        page.Table(["Model", "n", "MAE", "Median AE", "Within 10", "Mean error", "vs compromise", "Beats compromise"],
            result.Models.Select(m => (IReadOnlyList<string>)
            [.. Row(m)]), Enumerable.Range(1, 7).ToHashSet());
        page.Chart(charts[0]);
        page.Section("errors", "Distribution of errors");
        page.Chart(charts[1]);
        var scatterFrom = 2;
        if (charts.Length > 2 && charts[2].Id == "backtest-calibration")
        {
            page.Section("calibration", "Calibrated uncertainty", "Solid: Monte Carlo intervals from input uncertainty, with the default spread chosen by cross-validation. Dashed: conformal intervals, the forecast ± a half-width learned from the errors on other proposals. Each is scored on proposals it was not calibrated on.");
            page.Chart(charts[2]);
            scatterFrom = 3;
        }

        page.Section("scatter", "Forecast against outcome", "One chart per model: each point is an issue; the dashed diagonal is a perfect forecast.");
        page.ChartsOf(charts.Skip(scatterFrom));
        var header = $"<p class=\"meta\">{HtmlPage.Escape(string.Create(Invariant, $"{Counted.Of(result.Cases, "case")}, {Counted.Of(result.IssuesWithOutcome, "issue")} with known outcomes; models: {string.Join(", ", result.Models.Select(BacktestCharts.Label))}"))}</p>\n";
        var footer = $"Made by Parley with: {command}." + (stamp is null ? string.Empty : $" Generated {stamp}.") + " Charts drawn with Apache ECharts (Apache License 2.0), included in this file.";
        return page.Render($"Backtest of {dataset}", header, footer);
    }
}

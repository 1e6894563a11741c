using System.Globalization;
using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Reports.Charts;

namespace Parley.Reports;

/// <summary>
/// The calibrated intervals of a forecast as a plain-text table (issue, model, forecast, one column per
/// level) and the lines that say what they were calibrated on: the one layout the terminal and the HTML
/// report render, each with its own markup.
/// </summary>
public static class CalibratedIntervalTable
{
    /// <summary>What sets these intervals apart from Monte Carlo's, for a caption under the table.</summary>
    public const string Meaning =
        "Calibrated predictive intervals: forecast ± a quantile of the model's past errors on held-out proposals (split conformal), clipped to the scale; "
        + "an 80% interval held about 80% of past outcomes. Not the Monte Carlo band, which shows input sensitivity only.";

    /// <summary>What a forecast without a calibration file says about intervals.</summary>
    public const string Uncalibrated =
        "No predictive intervals: the Monte Carlo bands of parley montecarlo and parley report --draws show input sensitivity only, not where the outcome will fall. "
        + "Add --calibration FILE (written by parley backtest --calibration-out) for calibrated 50/80/90% intervals (docs/validation.md).";

    /// <summary>The headers: <c>Issue</c>, <c>Model</c>, <c>Forecast</c> and one per level (<c>80%</c>).</summary>
    public static IReadOnlyList<string> Headers(ForecastCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var levels = calibration.Entries.Values.SelectMany(e => e.Conformal.Levels.Select(l => l.Level)).Distinct().Order();
        return ["Issue", "Model", "Forecast", .. levels.Select(Percent)];
    }

    /// <summary>
    /// One row per issue and calibrated model: the forecast and each level's interval <c>low – high</c> on the
    /// issue's scale (with the scale's decimals), <c>-</c> for a level the model's entry lacks.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(Scenario scenario, IReadOnlyList<ModelResult> results, ForecastCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(results);
        var headers = Headers(calibration);
        foreach (var issue in scenario.Issues)
        {
            foreach (var result in results)
            {
                if (result.ForIssue(issue.Id) is not { } forecast)
                {
                    continue;
                }

                var intervals = calibration.IntervalsFor(result.Model.Id, scenario, issue, forecast.Forecast);
                if (intervals.IsEmpty)
                {
                    continue;
                }

                var row = new List<string> { issue.Name, result.Model.Id, ScaleNumber.Format(forecast.Forecast, issue.ScaleWidth) };
                foreach (var header in headers.Skip(3))
                {
                    var match = intervals.Where(i => Percent(i.Level) == header).ToList();
                    row.Add(match.Count == 0 ? "-" : $"{ScaleNumber.Format(match[0].Low, issue.ScaleWidth)} – {ScaleNumber.Format(match[0].High, issue.ScaleWidth)}");
                }

                yield return row;
            }
        }
    }

    /// <summary>One line per calibrated model: <c>compromise: calibrated on deu3-dev.tsv, n=180, held-out coverage …</c>.</summary>
    public static IEnumerable<string> Labels(IReadOnlyList<ModelResult> results, ForecastCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(calibration);
        return results.Select(r => calibration.LabelFor(r.Model.Id) is { } label ? $"{r.Model.Id}: {label}" : null).OfType<string>();
    }

    private static string Percent(double level) => (level * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

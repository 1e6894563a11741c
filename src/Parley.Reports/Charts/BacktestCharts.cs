using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Backtesting;

namespace Parley.Reports.Charts;

/// <summary>The charts of a backtest report: forecast against outcome per model, the error distributions, and each model's MAE with its bootstrap interval.</summary>
public static class BacktestCharts
{
    /// <summary>Width of the error histogram's bins, in points of 0–100.</summary>
    public const double ErrorBinWidth = 5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Per model: every scored issue as a point (outcome across, forecast up, on the issue's scale) and the diagonal of perfect forecasts.</summary>
    public static ImmutableArray<ChartSpec> Scatter(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        for (var m = 0; m < result.Models.Length; m++)
        {
            var model = result.Models[m];
            if (model.Errors.IsDefaultOrEmpty)
            {
                continue;
            }

            var points = model.Errors.Select(e => (Outcome: e.Outcome, Forecast: e.Forecast, e)).ToList();
            var low = Math.Min(0, points.Min(p => Math.Min(p.Outcome, p.Forecast)));
            var high = Math.Max(100, points.Max(p => Math.Max(p.Outcome, p.Forecast)));
            var correlation = Pearson(points.Select(p => p.Outcome).ToArray(), points.Select(p => p.Forecast).ToArray());
            var over = model.Errors.Count(e => e.Error > 0);
            charts.Add(new ChartSpec
            {
                Id = $"backtest-scatter-{NegotiationCharts.Slug(Label(model))}",
                Title = $"{Label(model)}: forecast against outcome",
                Caption = string.Create(Invariant,
                    $"{Counted.Of(model.Count, "issue")}. Points on the diagonal are exact forecasts; above it the model forecast too high ({Counted.Of(over, "issue")}), below it too low ({model.Count - over}). Mean absolute error {model.MeanAbsoluteError:0.##} points; {model.Within10 * 100:0.#}% of forecasts within 10 points{(double.IsFinite(correlation) ? $"; correlation of forecast and outcome {correlation:0.##}" : string.Empty)}."),
                X = ChartAxis.Numeric("outcome (the issue's scale)", low, high),
                Y = ChartAxis.Numeric("forecast (the issue's scale)", low, high),
                Series =
                [
                    new ChartSeries("perfect forecast", SeriesKind.Line, [new ChartPoint(low, low), new ChartPoint(high, high)], ChartPalette.Emphasis) { Dashed = true },
                    new ChartSeries(Label(model), SeriesKind.Scatter, [.. points.Select(p => new ChartPoint(p.Outcome, p.Forecast, 7, $"{p.e.CaseId} {p.e.IssueId}: error {p.e.Error:+0.#;-0.#;0}"))], ChartPalette.At(m)),
                ],
                Height = 360,
            });
        }

        return charts.ToImmutable();
    }

    /// <summary>The distribution of signed errors (forecast − outcome) of every model, in bins of <see cref="ErrorBinWidth"/> points.</summary>
    public static ChartSpec Errors(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scored = result.Models.Where(m => !m.Errors.IsDefaultOrEmpty).ToList();
        var series = ImmutableArray.CreateBuilder<ChartSeries>();
        for (var m = 0; m < result.Models.Length; m++)
        {
            var model = result.Models[m];
            if (model.Errors.IsDefaultOrEmpty)
            {
                continue;
            }

            var counts = new SortedDictionary<int, int>();
            foreach (var error in model.Errors)
            {
                var bin = (int)Math.Floor(Math.Clamp(error.Error, -100, 99.999) / ErrorBinWidth);
                counts[bin] = counts.GetValueOrDefault(bin) + 1;
            }

            var first = (int)(-100 / ErrorBinWidth);
            var last = (int)(100 / ErrorBinWidth) - 1;
            series.Add(new ChartSeries(Label(model), SeriesKind.Line,
                [.. Enumerable.Range(first, last - first + 1).Select(b => new ChartPoint((b + 0.5) * ErrorBinWidth, 100.0 * counts.GetValueOrDefault(b) / model.Errors.Length))],
                ChartPalette.At(m)));
        }

        var best = scored.MinBy(m => m.MeanAbsoluteError);
        var biased = scored.MaxBy(m => Math.Abs(m.MeanError));
        return new ChartSpec
        {
            Id = "backtest-errors",
            Title = "Distribution of errors (forecast minus outcome)",
            Caption = best is null || biased is null
                ? "No issue was scored."
                : string.Create(Invariant,
                    $"Share of issues by error, in bins of {ErrorBinWidth:0} points; a model without bias peaks at 0. {Label(best)} has the smallest mean absolute error ({best.MeanAbsoluteError:0.##}); {Label(biased)} the largest bias (mean error {biased.MeanError:+0.##;-0.##;0}, {(biased.MeanError > 0 ? "too high" : "too low")} on average)."),
            X = ChartAxis.Numeric("error: forecast minus outcome (points of 0-100)", -100, 100),
            Y = ChartAxis.Numeric("share of issues (%)", 0),
            Series = series.ToImmutable(),
            ReferenceLines = [new ReferenceLine(true, 0, "no error")],
            Height = 320,
        };
    }

    /// <summary>Each model's MAE (diamond) and its 95 % cluster-bootstrap interval (bar), resampling the cases' groups.</summary>
    public static ChartSpec MeanAbsoluteErrors(BacktestResult result, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        var scored = result.Models.Where(m => !m.Errors.IsDefaultOrEmpty).ToList();
        var intervals = scored.Select(m => BootstrapInterval.ForMeanAbsoluteError(m.Errors, seed: seed)).ToList();
        var rows = scored.Select(Label).ToList();
        var best = scored.Count == 0 ? -1 : intervals.IndexOf(intervals.MinBy(i => i.Estimate)!);
        var caption = best < 0
            ? "No issue was scored."
            : string.Create(Invariant,
                $"Mean absolute error per model with its 95% bootstrap interval ({BootstrapInterval.DefaultResamples} resamples of whole groups, seed {seed}). {rows[best]} is lowest at {intervals[best].Estimate:0.##} ({intervals[best].Low:0.##} to {intervals[best].High:0.##}); models whose intervals overlap it are not clearly worse on these data.");
        return new ChartSpec
        {
            Id = "backtest-mae",
            Title = "Mean absolute error with 95% bootstrap intervals",
            Caption = caption,
            X = ChartAxis.Numeric("mean absolute error (points of 0-100)", 0),
            Y = ChartAxis.WithCategories("model", rows),
            Series =
            [
                new ChartSeries("95% interval", SeriesKind.Interval, [.. intervals.Select((i, row) => new ChartPoint(i.Low, row, 0, string.Create(Invariant, $"{rows[row]}: {i.Low:0.##} to {i.High:0.##}"), i.High))], ChartPalette.Context),
                new ChartSeries("MAE", SeriesKind.Scatter, [.. intervals.Select((i, row) => new ChartPoint(i.Estimate, row, 0, string.Create(Invariant, $"{rows[row]}: MAE {i.Estimate:0.##}")))], ChartPalette.At(0)) { Emphasised = true, Diamonds = true },
            ],
            Height = Math.Max(200, 50 + (rows.Count * 30)),
        };
    }

    /// <summary>
    /// The calibration chart: for each model, the share of outcomes inside its 50, 80 and 90 %
    /// Monte Carlo intervals (held out, cross-validated spread; solid) and inside its conformal
    /// intervals, forecast ± the half-width learned from the other folds' errors (dashed), against
    /// the nominal level; a calibrated model lies on the diagonal. <c>null</c> when neither was run.
    /// </summary>
    public static ChartSpec? Calibration(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = ImmutableArray.CreateBuilder<ChartSeries>();
        series.Add(new ChartSeries("perfect calibration", SeriesKind.Line, [new ChartPoint(0, 0), new ChartPoint(100, 100)], ChartPalette.Emphasis) { Dashed = true });
        var calibrated = new List<ModelAccuracy>();
        var conformal = new List<ModelAccuracy>();
        for (var m = 0; m < result.Models.Length; m++)
        {
            var model = result.Models[m];
            if (model.Calibration is { Coverage.IsEmpty: false } calibration)
            {
                calibrated.Add(model);
                series.Add(new ChartSeries($"{Label(model)}, Monte Carlo", SeriesKind.Line,
                    [.. calibration.Coverage.Select(c => new ChartPoint(c.Level * 100, c.Share * 100, 7, string.Create(Invariant, $"{Label(model)}: {c.Inside} of {Counted.Of(c.Count, "outcome")} inside the {c.Level * 100:0}% Monte Carlo intervals ({c.Share * 100:0.#}%), spread {calibration.ChosenSpread:0.##}")))],
                    ChartPalette.At(m)));
            }

            if (model.Conformal is { Levels.IsEmpty: false } intervals)
            {
                conformal.Add(model);
                series.Add(new ChartSeries($"{Label(model)}, conformal", SeriesKind.Line,
                    [.. intervals.Levels.Select(c => new ChartPoint(c.Level * 100, c.Share * 100, 7, string.Create(Invariant, $"{Label(model)}: {c.Inside} of {Counted.Of(c.Count, "outcome")} inside forecast ± {c.HalfWidth:0.#} points, the {c.Level * 100:0}% conformal intervals ({c.Share * 100:0.#}%)")))],
                    ChartPalette.At(m)) { Dashed = true });
            }
        }

        if (calibrated.Count == 0 && conformal.Count == 0)
        {
            return null;
        }

        var caption = new System.Text.StringBuilder("Share of outcomes inside each model's 50, 80 and 90% intervals, scored on held-out proposals; on the diagonal an \"80% interval\" holds 80% of outcomes.");
        if (calibrated.Count > 0)
        {
            var worst = calibrated.MaxBy(m => m.Calibration!.Coverage.Average(c => Math.Abs(c.Share - c.Level)))!;
            var best = calibrated.MinBy(m => m.Calibration!.Coverage.Average(c => Math.Abs(c.Share - c.Level)))!;
            caption.Append(string.Create(Invariant,
                $" Solid: Monte Carlo intervals from input uncertainty ({Counted.Of(best.Calibration!.Draws, "draw")} per case, default spread chosen by cross-validation); closest: {Label(best)} ({string.Join(", ", best.Calibration.Coverage.Select(c => $"{c.Share * 100:0}%"))}); farthest: {Label(worst)} ({string.Join(", ", worst.Calibration!.Coverage.Select(c => $"{c.Share * 100:0}%"))})."));
        }

        if (conformal.Count > 0)
        {
            var first = conformal[0];
            caption.Append(string.Create(Invariant,
                $" Dashed: conformal intervals, forecast ± a half-width learned from the errors on the other folds of proposals; e.g. {Label(first)}: {string.Join(", ", first.Conformal!.Levels.Select(c => $"±{c.HalfWidth:0} points holds {c.Share * 100:0}%"))}."));
        }

        return new ChartSpec
        {
            Id = "backtest-calibration",
            Title = "Calibration: how often each model's intervals held the outcome",
            Caption = caption.ToString(),
            X = ChartAxis.Numeric("nominal level (%)", 0, 100),
            Y = ChartAxis.Numeric("outcomes inside (%)", 0, 100),
            Series = series.ToImmutable(),
            Height = 360,
        };
    }

    /// <summary>A model's label: its id, and its parameters when it has any.</summary>
    public static string Label(ModelAccuracy model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Options.Length == 0 ? model.Model : $"{model.Model} ({model.Options})";
    }

    private static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}

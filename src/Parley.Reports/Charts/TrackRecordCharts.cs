using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Scoring;

namespace Parley.Reports.Charts;

/// <summary>The charts of a track record (<see cref="ScenarioScoreCard"/>): each model's forecast and intervals against the outcome.</summary>
public static class TrackRecordCharts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The narrowest scale among the issues with an outcome: summaries over several issues print
    /// with the decimals it calls for (<see cref="ScaleNumber"/>: 1 on 0-100, 3 on 0-1).
    /// </summary>
    public static double SummaryScaleWidth(ScenarioScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Scenario.Issues.Where(i => i.Outcome is not null).Select(i => i.ScaleWidth).DefaultIfEmpty(100).Min();
    }

    /// <summary>
    /// Per issue with an outcome: each model's forecast as a diamond, its 50 % and 90 % intervals
    /// as segments (when it had draws), and the outcome as a vertical line.
    /// </summary>
    public static ImmutableArray<ChartSpec> Outcomes(ScenarioScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        foreach (var issue in card.Scenario.Issues)
        {
            var scored = card.Models.Select((model, index) => (Model: model, Index: index, Issue: model.Issues.FirstOrDefault(i => i.IssueId == issue.Id)))
                .Where(m => m.Issue?.Score is not null).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            var width = issue.ScaleWidth;
            var observed = scored[0].Issue!.Score!.Observed;
            var series = ImmutableArray.CreateBuilder<ChartSeries>();
            foreach (var level in new[] { 0.9, 0.5 })
            {
                var points = scored.Select((m, row) => (Row: row, Interval: m.Issue!.Intervals.FirstOrDefault(i => Math.Abs(i.Level - level) < 1e-9)))
                    .Where(p => p.Interval.Level > 0)
                    .Select(p => new ChartPoint(p.Interval.Lower, p.Row, 0,
                        string.Create(Invariant, $"{scored[p.Row].Model.ModelId}: {level * 100:0} % interval {ScaleNumber.Format(p.Interval.Lower, width)} to {ScaleNumber.Format(p.Interval.Upper, width)}"),
                        p.Interval.Upper))
                    .ToImmutableArray();
                if (!points.IsEmpty)
                {
                    series.Add(new ChartSeries(string.Create(Invariant, $"{level * 100:0} % interval"), SeriesKind.Interval, points, ChartPalette.Context) { Emphasised = level < 0.9 });
                }
            }

            foreach (var (model, index, forecast) in scored)
            {
                var score = forecast!.Score!;
                var crps = score.Crps is { } value ? $", CRPS {ScaleNumber.Format(value, width)}" : string.Empty;
                series.Add(new ChartSeries(model.ModelId, SeriesKind.Scatter,
                    [new ChartPoint(score.Forecast, scored.FindIndex(s => s.Index == index), 0, $"{model.Name}: {ScaleNumber.Format(score.Forecast, width)}, error {ScaleNumber.Format(score.AbsoluteError, width)}{crps}")],
                    ChartPalette.At(index)) { Emphasised = true, Diamonds = true });
            }

            charts.Add(new ChartSpec
            {
                Id = $"track-record-{NegotiationCharts.Slug(issue.Id)}",
                Title = $"{issue.Name}: forecasts against the outcome",
                Caption = Caption(issue, observed, scored.Select(s => (s.Model.ModelId, s.Issue!.Score!)).ToList()),
                X = ChartAxis.Numeric(NegotiationCharts.ScaleTitle(issue), issue.ScaleMin, issue.ScaleMax),
                Y = ChartAxis.WithCategories("model", scored.Select(s => s.Model.ModelId)),
                Series = series.ToImmutable(),
                ReferenceLines = [new ReferenceLine(true, observed, "outcome " + ScaleNumber.Format(observed, width))],
                Height = Math.Max(200, 60 + (scored.Count * 28)),
            });
        }

        return charts.ToImmutable();
    }

    private static string Caption(Core.Domain.Issue issue, double observed, IReadOnlyList<(string Model, ForecastScore Score)> scores)
    {
        var width = issue.ScaleWidth;
        var anchor = issue.NearestAnchor(observed) is { } nearest ? $" (nearest label: \u201c{nearest.Label}\u201d)" : string.Empty;
        var closest = scores.OrderBy(s => s.Score.AbsoluteError).ThenBy(s => s.Model, StringComparer.Ordinal).First();
        var text = $"The outcome was {ScaleNumber.Format(observed, width)}{anchor}. Closest forecast: {closest.Model}, {ScaleNumber.Format(closest.Score.Forecast, width)} (error {ScaleNumber.Format(closest.Score.AbsoluteError, width)}).";
        var withIntervals = scores.Where(s => s.Score.Intervals.Any(h => Math.Abs(h.Interval.Level - 0.9) < 1e-9)).ToList();
        if (withIntervals.Count > 0)
        {
            var inside = withIntervals.Count(s => s.Score.Intervals.First(h => Math.Abs(h.Interval.Level - 0.9) < 1e-9).Inside);
            text += string.Create(Invariant, $" It lies inside the 90 % interval of {inside} of {Counted.Of(withIntervals.Count, "model")}.");
        }

        return text;
    }
}

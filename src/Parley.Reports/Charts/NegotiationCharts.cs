using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.Staging;
using Parley.Core.Uncertainty;

namespace Parley.Reports.Charts;

/// <summary>
/// The charts of a negotiation report, built from results: one place that decides what each chart
/// shows and says, for the HTML report, the image files and the web workbench alike. Every caption
/// is generated from the numbers it describes.
/// </summary>
public static class NegotiationCharts
{
    /// <summary>Bars shown per tornado chart: the inputs that move the forecast most.</summary>
    public const int TornadoBars = 10;

    /// <summary>Bars of a displayed histogram (the quantiles come from the finer histogram of the run).</summary>
    public const int HistogramBars = 25;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// Per issue: each model's forecast as a diamond on the issue's scale, every actor's position as
    /// a circle sized by capability × salience, and the status quo as a dashed line.
    /// </summary>
    public static ImmutableArray<ChartSpec> Forecasts(Scenario scenario, IReadOnlyList<ModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(results);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        foreach (var issue in scenario.Issues)
        {
            var forecasts = results.Select((r, index) => (Result: r, Index: index, Forecast: r.ForIssue(issue.Id))).Where(f => f.Forecast is not null).ToList();
            var stances = scenario.StancesOn(issue.Id);
            if (forecasts.Count == 0 || stances.IsEmpty)
            {
                continue;
            }

            var rows = forecasts.Select(f => f.Result.Model.Id).Concat(stances.Select(s => ActorName(scenario, s.ActorId))).ToList();
            var heaviest = stances.Max(s => s.Weight);
            var series = ImmutableArray.CreateBuilder<ChartSeries>();
            series.Add(new ChartSeries("actor positions (size: capability x salience)", SeriesKind.Scatter,
            [
                .. stances.Select((s, row) => new ChartPoint(s.Position, forecasts.Count + row, BubbleSize(s.Weight, heaviest),
                    string.Create(Invariant, $"{ActorName(scenario, s.ActorId)}: position {ScaleNumber.Format(s.Position, issue.ScaleWidth)}, capability {ScaleNumber.Capability(s.Capability)}, salience {s.Salience:0.##}"))),
            ], ChartPalette.Context));
            foreach (var (result, index, forecast) in forecasts)
            {
                series.Add(new ChartSeries(result.Model.Id, SeriesKind.Scatter,
                    [new ChartPoint(forecast!.Forecast, forecasts.FindIndex(f => f.Index == index), 0, $"{result.Model.Name}: {ScaleNumber.Format(forecast.Forecast, issue.ScaleWidth)}")],
                    ChartPalette.At(index)) { Emphasised = true, Diamonds = true });
            }

            charts.Add(new ChartSpec
            {
                Id = $"forecast-{Slug(issue.Id)}",
                Title = issue.Name,
                Caption = ForecastCaption(scenario, issue, forecasts.Select(f => (f.Result.Model.Id, f.Forecast!.Forecast)).ToList(), stances),
                X = ChartAxis.Numeric(ScaleTitle(issue), issue.ScaleMin, issue.ScaleMax),
                Y = ChartAxis.WithCategories("model / actor", rows),
                Series = series.ToImmutable(),
                ReferenceLines = issue.StatusQuo is { } sq ? [new ReferenceLine(true, sq, "status quo " + ScaleNumber.Format(sq, issue.ScaleWidth))] : [],
                Height = Math.Max(220, 40 + (rows.Count * 20)),
            });
        }

        return charts.ToImmutable();
    }

    /// <summary>
    /// Per issue, for a dynamic model run with a trace: every actor's position after each round
    /// (thin lines, round 0 = the stances) and the model's outcome (thick line).
    /// </summary>
    public static ImmutableArray<ChartSpec> Bargaining(Scenario scenario, ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        if (result.Rounds.IsDefaultOrEmpty)
        {
            return charts.ToImmutable();
        }

        foreach (var issue in scenario.Issues)
        {
            if (result.ForIssue(issue.Id) is not { } forecast)
            {
                continue;
            }

            var history = BargainingHistory.Positions(scenario, result, issue.Id);
            var outcomes = BargainingHistory.Outcomes(result, issue.Id);
            var actors = scenario.StancesOn(issue.Id).Select(s => s.ActorId).ToList();
            var series = ImmutableArray.CreateBuilder<ChartSeries>();
            for (var a = 0; a < actors.Count; a++)
            {
                var actor = actors[a];
                series.Add(new ChartSeries(ActorName(scenario, actor), SeriesKind.Line,
                    [.. history.Select((round, r) => new ChartPoint(r, round.GetValueOrDefault(actor, double.NaN))).Where(p => double.IsFinite(p.Y))],
                    ChartPalette.At(a + 1)));
            }

            if (!outcomes.IsEmpty)
            {
                series.Add(new ChartSeries("outcome", SeriesKind.Line, [.. outcomes.Select((o, r) => new ChartPoint(r + 1, o))], ChartPalette.Emphasis) { Emphasised = true });
            }

            var rounds = history.Length - 1;
            charts.Add(new ChartSpec
            {
                Id = $"bargaining-{Slug(result.Model.Id)}-{Slug(issue.Id)}",
                Title = $"{issue.Name}: {result.Model.Id}, round by round",
                Caption = BargainingCaption(scenario, issue, result, history, outcomes, forecast.Forecast),
                X = ChartAxis.Numeric("round (0 = the stances)", 0, Math.Max(1, rounds)) with { Integer = true },
                Y = ChartAxis.Numeric(ScaleTitle(issue), issue.ScaleMin, issue.ScaleMax),
                Series = series.ToImmutable(),
                Height = 300,
            });
        }

        return charts.ToImmutable();
    }

    /// <summary>The exchange model's trade: each actor's total gain from the exchanges it made, largest first.</summary>
    public static ChartSpec? ExchangeGains(Scenario scenario, ModelResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var exchanges = result.Rounds.OfType<ExchangeRoundTrace>().SelectMany(r => r.Exchanges).ToList();
        if (exchanges.Count == 0)
        {
            return null;
        }

        var gains = new Dictionary<string, (double Gain, int Count)>(StringComparer.Ordinal);
        void Add(string actor, double gain)
        {
            var (total, count) = gains.GetValueOrDefault(actor);
            gains[actor] = (total + gain, count + 1);
        }

        foreach (var exchange in exchanges)
        {
            Add(exchange.FirstActor, exchange.FirstGain);
            Add(exchange.SecondActor, exchange.SecondGain);
        }

        var ranked = gains.OrderByDescending(g => g.Value.Gain).ThenBy(g => scenario.Actors.IndexOf(scenario.FindActor(g.Key)!)).ToList();
        var largest = exchanges.OrderByDescending(e => e.Gain).First();
        var top = ranked[0];
        return new ChartSpec
        {
            Id = $"exchange-gains-{Slug(result.Model.Id)}",
            Title = "Who gains from trading support across issues",
            Caption = string.Create(Invariant,
                $"{Counted.Of(exchanges.Count, "exchange")} over {Counted.Of(result.RoundsRun, "round")}. {ActorName(scenario, top.Key)} gains most in total ({top.Value.Gain:0.###} expected utility over {Counted.Of(top.Value.Count, "exchange")}). The single largest exchange: {ActorName(scenario, largest.FirstActor)} moves on {IssueName(scenario, largest.FirstIssue)} and {ActorName(scenario, largest.SecondActor)} on {IssueName(scenario, largest.SecondIssue)}, each gaining {largest.Gain:0.###}."),
            X = ChartAxis.Numeric("total gain in expected utility from realised exchanges"),
            Y = ChartAxis.WithCategories("actor", ranked.Select(r => ActorName(scenario, r.Key))),
            Series = [new ChartSeries("gain", SeriesKind.Bar, [.. ranked.Select((r, row) => new ChartPoint(r.Value.Gain, row, 0, Counted.Of(r.Value.Count, "exchange")))], ChartPalette.At(0))],
            Height = Math.Max(200, 40 + (ranked.Count * 22)),
        };
    }

    /// <summary>
    /// Per issue: the distribution of the forecast over the Monte Carlo draws, with the 10, 50 and
    /// 90 % quantiles and the forecast at the estimates. The run's histogram should be fine (many
    /// bins): the quantiles are read from it, and its bins are merged into <see cref="HistogramBars"/> bars for display.
    /// </summary>
    public static ImmutableArray<ChartSpec> Distributions(Scenario scenario, MonteCarloResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        foreach (var distribution in result.Issues)
        {
            if (scenario.FindIssue(distribution.IssueId) is not { } issue || distribution.Histogram.IsDefaultOrEmpty)
            {
                continue;
            }

            var width = issue.ScaleWidth;
            var (p10, p50, p90) = (HistogramQuantile(distribution.Histogram, 0.1), HistogramQuantile(distribution.Histogram, 0.5), HistogramQuantile(distribution.Histogram, 0.9));
            var bars = MergeBins(distribution.Histogram, HistogramBars);
            var total = Math.Max(1, bars.Sum(b => b.Count));
            charts.Add(new ChartSpec
            {
                Id = $"uncertainty-{Slug(distribution.IssueId)}",
                Title = $"{issue.Name}: spread of the {result.Model.Id} forecast",
                Caption = string.Create(Invariant,
                    $"Over {Counted.Of(result.Draws, "draw")} of the uncertain inputs, the {result.Model.Id} forecast falls between {ScaleNumber.Format(p10, width)} and {ScaleNumber.Format(p90, width)} in 80% of draws (10% and 90% quantiles), with median {ScaleNumber.Format(p50, width)} and standard deviation {ScaleNumber.Format(distribution.StandardDeviation, width)}; with every input at its estimate it is {ScaleNumber.Format(distribution.Estimate, width)}.{Nearest(issue, p50)}"),
                X = ChartAxis.Numeric(ScaleTitle(issue), issue.ScaleMin, issue.ScaleMax),
                Y = ChartAxis.Numeric("share of draws (%)", 0),
                Series = [new ChartSeries("share of draws", SeriesKind.Bar, [.. bars.Select(b => new ChartPoint((b.Low + b.High) / 2, Math.Round(100.0 * b.Count / total, 3)))], ChartPalette.At(0)) { BarWidth = bars[0].High - bars[0].Low }],
                ReferenceLines =
                [
                    .. ReferenceLine.Stagger([new ReferenceLine(true, p10, "P10"), new ReferenceLine(true, p50, "P50"), new ReferenceLine(true, p90, "P90")], issue.ScaleMin, issue.ScaleMax),
                ],
                Height = 240,
            });
        }

        return charts.ToImmutable();
    }

    /// <summary>
    /// Per issue: the <see cref="TornadoBars"/> inputs that move the forecast most, as the forecast's
    /// change with the input at the low and at the high end of its range (a tornado).
    /// </summary>
    public static ImmutableArray<ChartSpec> Tornadoes(Scenario scenario, SensitivityResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        foreach (var sensitivity in result.Issues)
        {
            if (scenario.FindIssue(sensitivity.IssueId) is not { } issue || sensitivity.Bars.IsDefaultOrEmpty)
            {
                continue;
            }

            var width = issue.ScaleWidth;
            var bars = sensitivity.Bars.Take(TornadoBars).ToList();
            var first = bars[0];
            var second = bars.Count > 1 ? string.Create(Invariant, $" Next come {string.Join(", ", bars.Skip(1).Take(2).Select(b => $"{InputLabel(scenario, b.Input, issue.Id)} ({ScaleNumber.Format(b.Swing, width)})"))}.") : string.Empty;
            charts.Add(new ChartSpec
            {
                Id = $"tornado-{Slug(sensitivity.IssueId)}",
                Title = $"{issue.Name}: what the {result.Model.Id} forecast hinges on",
                Caption = string.Create(Invariant,
                    $"The forecast ({ScaleNumber.Format(sensitivity.Estimate, width)} at the estimates) hinges most on {InputLabel(scenario, first.Input, issue.Id)}: from the low end of its range ({ScaleNumber.Format(first.Input.Low, ScaleOf(first.Input, issue))}) to the high end ({ScaleNumber.Format(first.Input.High, ScaleOf(first.Input, issue))}) the forecast moves from {ScaleNumber.Format(first.ForecastAtLow, width)} to {ScaleNumber.Format(first.ForecastAtHigh, width)}, a swing of {ScaleNumber.Format(first.Swing, width)}.{second}"),
                X = ChartAxis.Numeric("change of the forecast from " + ScaleNumber.Format(sensitivity.Estimate, width) + " (points of the scale)"),
                Y = ChartAxis.WithCategories("input", bars.Select(b => InputLabel(scenario, b.Input, issue.Id))),
                Series =
                [
                    new ChartSeries("input at the low end", SeriesKind.Bar, [.. bars.Select((b, row) => new ChartPoint(b.ForecastAtLow - sensitivity.Estimate, row, 0, "forecast " + ScaleNumber.Format(b.ForecastAtLow, width)))], ChartPalette.At(0)),
                    new ChartSeries("input at the high end", SeriesKind.Bar, [.. bars.Select((b, row) => new ChartPoint(b.ForecastAtHigh - sensitivity.Estimate, row, 0, "forecast " + ScaleNumber.Format(b.ForecastAtHigh, width)))], ChartPalette.At(1)),
                ],
                ReferenceLines = [new ReferenceLine(true, 0, "forecast " + ScaleNumber.Format(sensitivity.Estimate, width))],
                Height = Math.Max(200, 50 + (bars.Count * 26)),
            });
        }

        return charts.ToImmutable();
    }

    /// <summary>A timeline of a staged forecast under one model: each issue's forecast before the talks and after each stage.</summary>
    public static ChartSpec Stages(Scenario scenario, StagedResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var steps = new List<string> { "before the talks" };
        steps.AddRange(result.Stages.Select((s, i) => $"{i + 1}. {s.Stage.Name}"));
        var series = ImmutableArray.CreateBuilder<ChartSeries>();
        (string Issue, string Stage, double From, double To)? largest = null;
        var index = 0;
        foreach (var issue in scenario.Issues)
        {
            var points = new List<ChartPoint>();
            var value = issue.StatusQuo;
            if (value is { } start)
            {
                points.Add(new ChartPoint(0, start, 0, "status quo"));
            }

            for (var s = 0; s < result.Stages.Length; s++)
            {
                var stage = result.Stages[s];
                if (stage.Result.ForIssue(issue.Id) is not { } forecast)
                {
                    continue;
                }

                if (value is { } before && (largest is null || Math.Abs(forecast.Forecast - before) > Math.Abs(largest.Value.To - largest.Value.From)))
                {
                    largest = (issue.Name, stage.Stage.Name, before, forecast.Forecast);
                }

                value = forecast.Forecast;
                points.Add(new ChartPoint(s + 1, forecast.Forecast, 0, $"{stage.Stage.Name}: {ScaleNumber.Format(forecast.Forecast, issue.ScaleWidth)}"));
            }

            if (points.Count > 0)
            {
                series.Add(new ChartSeries(issue.Name, SeriesKind.Line, [.. points], ChartPalette.At(index)));
            }

            index++;
        }

        var caption = string.Create(Invariant, $"Under {result.Model.Id}, {Counted.Of(result.Stages.Length, "stage")} run{(result.Stages.Length == 1 ? "s" : string.Empty)} in order, each stage's outcome the next one's status quo.");
        if (largest is { } move)
        {
            caption += string.Create(Invariant, $" The largest move is on {move.Issue} at '{move.Stage}', from {move.From:0.#} to {move.To:0.#}.");
        }

        var scaled = scenario.Issues.Select(i => (i.ScaleMin, i.ScaleMax)).Distinct().ToList();
        return new ChartSpec
        {
            Id = $"stages-{Slug(result.Model.Id)}",
            Title = $"Forecast after each stage: {result.Model.Id}",
            Caption = caption,
            X = ChartAxis.WithCategories("stage", steps),
            Y = scaled.Count == 1 ? ChartAxis.Numeric("forecast (issue scale)", scaled[0].ScaleMin, scaled[0].ScaleMax) : ChartAxis.Numeric("forecast (each issue's scale)"),
            Series = series.ToImmutable(),
            Height = 320,
        };
    }

    /// <summary>Per issue: each actor's Shapley value and how far the forecast moves without it, as bars.</summary>
    public static ImmutableArray<ChartSpec> Influence(Scenario scenario, InfluenceResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var charts = ImmutableArray.CreateBuilder<ChartSpec>();
        foreach (var influence in result.Issues)
        {
            if (scenario.FindIssue(influence.IssueId) is not { } issue || influence.Actors.IsDefaultOrEmpty)
            {
                continue;
            }

            var width = issue.ScaleWidth;
            var actors = influence.Actors;
            var key = actors[0];
            var toward = key.Shapley >= 0 ? "up the scale" : "down the scale";
            var sampled = influence.ShapleyExact ? string.Empty
                : key.ShapleyStandardError is { } keyError && double.IsFinite(keyError)
                    ? $", sampled, standard error {ScaleNumber.Fixed(keyError, width)}; the thin lines span about 95 % of the sampling error"
                    : ", sampled";
            ImmutableArray<ChartSeries> series =
            [
                new ChartSeries("Shapley value", SeriesKind.Bar, [.. actors.Select((a, row) => new ChartPoint(a.Shapley, row))], ChartPalette.At(0)),
                new ChartSeries("shift caused by its presence (forecast minus forecast without it)", SeriesKind.Bar, [.. actors.Select((a, row) => new ChartPoint(a.AbsenceShift, row))], ChartPalette.At(1)),
            ];
            if (!influence.ShapleyExact)
            {
                // Sampled values: the estimate ± 1.96 standard errors, about 95 % coverage of the exact value.
                series = series.Add(new ChartSeries(
                    "Shapley value ± 1.96 standard errors (sampled orders)",
                    SeriesKind.Interval,
                    [.. actors
                        .Select((a, row) => (Actor: a, Row: row))
                        .Where(x => x.Actor.ShapleyStandardError is { } error && double.IsFinite(error))
                        .Select(x => new ChartPoint(
                            x.Actor.Shapley - (1.96 * x.Actor.ShapleyStandardError!.Value),
                            x.Row,
                            XEnd: x.Actor.Shapley + (1.96 * x.Actor.ShapleyStandardError!.Value)))],
                    ChartPalette.At(2)));
            }

            charts.Add(new ChartSpec
            {
                Id = $"influence-{Slug(influence.IssueId)}",
                Title = $"{issue.Name}: who holds the key ({result.Model.Id})",
                Caption = string.Create(Invariant,
                    $"{ActorName(scenario, key.ActorId)} holds the most sway: on average its joining moves the forecast {ScaleNumber.Format(Math.Abs(key.Shapley), width)} points {toward} (Shapley value{sampled}); without it the forecast would be {ScaleNumber.Format(influence.Forecast - key.AbsenceShift, width)} instead of {ScaleNumber.Format(influence.Forecast, width)}. The Shapley values add up to the forecast minus the reference point {ScaleNumber.Format(influence.Reference, width)}."),
                X = ChartAxis.Numeric("forecast move (points of the scale)"),
                Y = ChartAxis.WithCategories("actor", actors.Select(a => ActorName(scenario, a.ActorId))),
                Series = series,
                ReferenceLines = [new ReferenceLine(true, 0, string.Empty)],
                Height = Math.Max(220, 50 + (actors.Length * 26)),
            });
        }

        return charts.ToImmutable();
    }

    /// <summary>The value below which <paramref name="probability"/> of the draws fall, interpolated linearly within the bin that holds it.</summary>
    internal static double HistogramQuantile(ImmutableArray<HistogramBin> bins, double probability)
    {
        var total = bins.Sum(b => b.Count);
        if (total == 0)
        {
            return double.NaN;
        }

        var target = probability * total;
        double cumulative = 0;
        foreach (var bin in bins)
        {
            if (bin.Count > 0 && cumulative + bin.Count >= target)
            {
                return bin.Low + ((bin.High - bin.Low) * Math.Clamp((target - cumulative) / bin.Count, 0, 1));
            }

            cumulative += bin.Count;
        }

        return bins[^1].High;
    }

    /// <summary>Merges adjacent equal-width bins into at most <paramref name="bars"/> bars (as many whole bins per bar as fit).</summary>
    internal static ImmutableArray<HistogramBin> MergeBins(ImmutableArray<HistogramBin> bins, int bars)
    {
        var per = Math.Max(1, (int)Math.Ceiling(bins.Length / (double)bars));
        var merged = ImmutableArray.CreateBuilder<HistogramBin>();
        for (var start = 0; start < bins.Length; start += per)
        {
            var end = Math.Min(bins.Length, start + per);
            long count = 0;
            for (var i = start; i < end; i++)
            {
                count += bins[i].Count;
            }

            merged.Add(new HistogramBin(bins[start].Low, bins[end - 1].High, count));
        }

        return merged.ToImmutable();
    }

    /// <summary>A chart id part from an id: lower-case letters, digits and '-'.</summary>
    public static string Slug(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var chars = id.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return new string(chars).Trim('-') is { Length: > 0 } slug ? slug : "x";
    }

    private static string ForecastCaption(Scenario scenario, Issue issue, List<(string Model, double Forecast)> forecasts, ImmutableArray<IssueStance> stances)
    {
        var width = issue.ScaleWidth;
        var low = forecasts.MinBy(f => f.Forecast);
        var high = forecasts.MaxBy(f => f.Forecast);
        var ordered = forecasts.Select(f => f.Forecast).Order().ToList();
        var middle = ordered.Count % 2 == 1 ? ordered[ordered.Count / 2] : (ordered[(ordered.Count / 2) - 1] + ordered[ordered.Count / 2]) / 2;
        var text = forecasts.Count == 1
            ? $"{low.Model} forecasts {ScaleNumber.Format(low.Forecast, width)}.{Nearest(issue, low.Forecast)}"
            : $"The {forecasts.Count} models forecast from {ScaleNumber.Format(low.Forecast, width)} ({low.Model}) to {ScaleNumber.Format(high.Forecast, width)} ({high.Model}); their median, {ScaleNumber.Format(middle, width)}, is{NearestPhrase(issue, middle)}.";
        if (issue.StatusQuo is { } statusQuo)
        {
            text += $" The status quo is {ScaleNumber.Format(statusQuo, width)}.";
        }

        var weighty = stances.OrderByDescending(s => s.Weight).Take(2).Select(s => $"{ActorName(scenario, s.ActorId)} at {ScaleNumber.Format(s.Position, width)}").ToList();
        return text + $" The weightiest actors (capability x salience) stand at: {string.Join("; ", weighty)}.";
    }

    private static string BargainingCaption(Scenario scenario, Issue issue, ModelResult result, ImmutableArray<ImmutableDictionary<string, double>> history, ImmutableArray<double> outcomes, double forecast)
    {
        var width = issue.ScaleWidth;
        var first = history[0];
        var last = history[^1];
        var mover = first.Keys.Order(StringComparer.Ordinal)
            .Select(a => (Actor: a, From: first[a], To: last.GetValueOrDefault(a, first[a])))
            .OrderByDescending(m => Math.Abs(m.To - m.From)).ThenBy(m => scenario.Actors.IndexOf(scenario.FindActor(m.Actor)!)).First();
        var stop = result.Converged switch
        {
            true => "the run converged",
            false => "the run stopped at its round limit",
            _ => "the run stopped",
        };
        var rounds = history.Length - 1;
        var text = outcomes.Length switch
        {
            0 => $"Under {result.Model.Id} the forecast is {ScaleNumber.Format(forecast, width)}.",
            1 => $"Under {result.Model.Id} one round is played on this issue, after which the outcome is {ScaleNumber.Format(outcomes[0], width)}; {stop}.",
            _ => $"Under {result.Model.Id} the outcome goes from {ScaleNumber.Format(outcomes[0], width)} after round 1 to {ScaleNumber.Format(outcomes[^1], width)} after round {outcomes.Length}; {stop} after {Counted.Of(rounds, "round")} on this issue.",
        };
        return Math.Abs(mover.To - mover.From) < 1e-9 * Math.Max(1, width)
            ? text + " No actor moves on this issue."
            : text + $" {ActorName(scenario, mover.Actor)} moves most, from {ScaleNumber.Format(mover.From, width)} to {ScaleNumber.Format(mover.To, width)}.";
    }

    private static string Nearest(Issue issue, double value) =>
        issue.NearestAnchor(value) is { } anchor ? $" The nearest labelled point is {ScaleNumber.Format(anchor.Value, issue.ScaleWidth)}: \u201c{anchor.Label}\u201d." : string.Empty;

    private static string NearestPhrase(Issue issue, double value) =>
        issue.NearestAnchor(value) is { } anchor ? $" nearest to {ScaleNumber.Format(anchor.Value, issue.ScaleWidth)}: \u201c{anchor.Label}\u201d" : " its value";

    private static double BubbleSize(double weight, double heaviest) =>
        heaviest > 0 ? 6 + (22 * Math.Sqrt(weight / heaviest)) : 8;

    internal static string ScaleTitle(Issue issue) =>
        $"{issue.Name} ({ScaleNumber.Format(issue.ScaleMin, issue.ScaleWidth)} to {ScaleNumber.Format(issue.ScaleMax, issue.ScaleWidth)})";

    private static double ScaleOf(UncertainInput input, Issue issue) => input.Kind == UncertainInputKind.Position ? issue.ScaleWidth : 1;

    private static string InputLabel(Scenario scenario, UncertainInput input, string issueId)
    {
        var kind = input.Kind switch
        {
            UncertainInputKind.Position => "position",
            UncertainInputKind.Salience => "salience",
            _ => "capability",
        };
        return input.IssueId is null || input.IssueId == issueId
            ? $"{ActorName(scenario, input.ActorId)} {kind}"
            : $"{ActorName(scenario, input.ActorId)} {kind} on {IssueName(scenario, input.IssueId)}";
    }

    internal static string ActorName(Scenario scenario, string actorId) => scenario.FindActor(actorId)?.Name ?? actorId;

    internal static string IssueName(Scenario scenario, string issueId) => scenario.FindIssue(issueId)?.Name ?? issueId;
}

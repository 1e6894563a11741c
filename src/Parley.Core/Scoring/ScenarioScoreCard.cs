using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Scoring;

/// <summary>A scenario's track record: every model's forecasts scored against the outcomes the scenario records.</summary>
public sealed record ScenarioScoreCard
{
    /// <summary>The scenario, with its question, horizon and outcomes.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Where the forecasts came from.</summary>
    public required ForecastOrigin Origin { get; init; }

    /// <summary>The seed of the Monte Carlo draws (fresh forecasts).</summary>
    public ulong Seed { get; init; }

    /// <summary>One card per model, in the order asked for (or stored).</summary>
    public required ImmutableArray<ModelScoreCard> Models { get; init; }

    /// <summary>The issues without a scorable outcome, in scenario order, with the reason.</summary>
    public required ImmutableArray<UnscoredIssue> NotScored { get; init; }

    /// <summary>Issues with an outcome on which at least one model was scored.</summary>
    public int ScoredIssueCount => Models.SelectMany(m => m.Issues).Where(i => i.Score is not null).Select(i => i.IssueId).Distinct(StringComparer.Ordinal).Count();

    /// <summary>
    /// Scores <paramref name="forecasts"/> (per model, per issue: the forecast, its intervals and
    /// draws, without scores) against <paramref name="scenario"/>'s outcomes: each forecast of an
    /// issue with an outcome gets its <see cref="ForecastScore"/>, from the draws when there are
    /// some, else from the intervals, else the absolute error alone.
    /// </summary>
    public static ScenarioScoreCard Score(Scenario scenario, ForecastOrigin origin, IEnumerable<ModelScoreCard> forecasts, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(forecasts);
        var models = forecasts.Select(card => card with
        {
            Issues = [.. card.Issues.Select(issue => ScoreIssue(scenario.FindIssue(issue.IssueId), issue))],
        }).ToImmutableArray();
        var forecastIds = models.SelectMany(m => m.Issues).Select(i => i.IssueId).ToHashSet(StringComparer.Ordinal);
        var notScored = scenario.Issues
            .Select(issue => issue.Outcome is null
                ? new UnscoredIssue(issue.Id, issue.OutcomeObservation?.Note is { } note ? $"no outcome: {note}" : "no outcome recorded")
                : forecastIds.Contains(issue.Id) ? null : new UnscoredIssue(issue.Id, "not forecast"))
            .OfType<UnscoredIssue>()
            .ToImmutableArray();
        return new ScenarioScoreCard { Scenario = scenario, Origin = origin, Seed = seed, Models = models, NotScored = notScored };
    }

    private static ScoredIssue ScoreIssue(Issue? issue, ScoredIssue forecast)
    {
        if (issue?.Outcome is not { } observed)
        {
            return forecast with { Observed = null, ObservedOn = null, Score = null };
        }

        var levels = forecast.Intervals.IsEmpty ? null : forecast.Intervals.Select(i => i.Level).ToArray();
        var score = !forecast.SortedDraws.IsEmpty
            ? ForecastScore.OfSortedEnsemble(forecast.Forecast, forecast.SortedDraws.AsSpan(), observed, levels)
            : !forecast.Intervals.IsEmpty
                ? ForecastScore.OfIntervals(forecast.Forecast, forecast.Intervals, observed)
                : ForecastScore.OfPointForecast(forecast.Forecast, observed);
        return forecast with { Observed = observed, ObservedOn = issue.OutcomeObservation?.Date, Score = score };
    }
}

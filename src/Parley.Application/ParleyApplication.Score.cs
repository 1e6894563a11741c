using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Scoring;
using Parley.Core.Uncertainty;
using Parley.Storage;

namespace Parley.Application;

/// <summary>Scoring forecasts against recorded outcomes (<c>parley score</c>).</summary>
public static partial class ParleyApplication
{
    /// <summary>
    /// Checks a score request: loads every scenario, checks the models, draws and options, and, for
    /// stored forecasts, reads and scores them (cheap, and every problem with the run is found here).
    /// </summary>
    public static Outcome<ScorePlan> PlanScore(ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = request.Run is not null || request.LatestStored;
        if (request.Scenarios.IsEmpty)
        {
            return Outcome<ScorePlan>.Invalid("no scenario to score; give one or more scenario files");
        }

        if (request.Run is not null && request.LatestStored)
        {
            return Outcome<ScorePlan>.Invalid("--run and --stored both choose the stored forecasts; give one of them");
        }

        if (stored && request.Store is null)
        {
            return Outcome<ScorePlan>.Invalid("scoring stored forecasts needs the Parley store (--db)");
        }

        if (request.Run is not null && request.Scenarios.Length > 1)
        {
            return Outcome<ScorePlan>.Invalid("--run scores the forecasts of one recorded run, which forecast one scenario; give that scenario only (or use --stored for several)");
        }

        if (stored && request.Draws is not null)
        {
            return Outcome<ScorePlan>.Invalid("--draws computes new forecasts; stored forecasts are scored as they were recorded, so leave --draws out");
        }

        var draws = request.Draws ?? ScoreRequest.DefaultDraws;
        if (CheckDrawSettings(draws, 0, ScoreRequest.MaxDraws, request.Threads, request.Spread, out var spread) is { } drawError)
        {
            return Outcome<ScorePlan>.Invalid(drawError);
        }

        var scenarios = ImmutableArray.CreateBuilder<Scenario>(request.Scenarios.Length);
        foreach (var source in request.Scenarios)
        {
            var loaded = ScenarioLoader.Load(source);
            if (loaded.Value is not { } scenario)
            {
                return loaded.As<ScorePlan>();
            }

            scenarios.Add(scenario);
        }

        var setup = ModelChoice.Resolve(request.Models with { AllowSeveral = true });
        if (setup.Value is not { } chosen)
        {
            return setup.As<ScorePlan>();
        }

        var plan = new ScorePlan(scenarios.MoveToImmutable(), chosen, stored ? 0 : draws, request.Threads, spread, request.KeepDraws);
        if (!stored)
        {
            return Outcome<ScorePlan>.Success(plan);
        }

        var cards = ImmutableArray.CreateBuilder<ScenarioScoreCard>(plan.Scenarios.Length);
        foreach (var scenario in plan.Scenarios)
        {
            var card = ScoreStored(request, scenario, chosen);
            if (card.Value is null)
            {
                return card.As<ScorePlan>();
            }

            cards.Add(card.Value);
        }

        return Outcome<ScorePlan>.Success(plan with { Stored = cards.MoveToImmutable() });
    }

    /// <summary>Checks and runs a score request (<see cref="PlanScore"/>, then <see cref="ScorePlan.Run"/>).</summary>
    public static Outcome<ScoreRun> Score(ScoreRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var plan = PlanScore(request);
        return plan.Value is { } ready ? Outcome<ScoreRun>.Success(ready.Run(progress, cancellationToken)) : plan.As<ScoreRun>();
    }

    /// <summary>Fresh forecasts of every scenario by every model, scored (<see cref="ScorePlan.Run"/>).</summary>
    internal static ScoreRun ScoreFresh(ScorePlan plan, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var cards = ImmutableArray.CreateBuilder<ScenarioScoreCard>(plan.Scenarios.Length);
        var done = 0L;
        foreach (var scenario in plan.Scenarios)
        {
            var forecasts = new List<ModelScoreCard>(plan.Setup.Models.Length);
            foreach (var model in plan.Setup.Models)
            {
                var counter = progress is null ? null : new OffsetProgress(progress, done);
                forecasts.Add(Forecast(scenario, model, plan.Setup.Options, plan.Draws, plan.Threads, plan.Spread, counter, cancellationToken));
                done += plan.Draws;
            }

            var card = ScenarioScoreCard.Score(scenario, ForecastOrigin.Fresh, forecasts, plan.Setup.Options.Seed);
            cards.Add(plan.KeepDraws ? card : card with
            {
                Models = [.. card.Models.Select(m => m with { Issues = [.. m.Issues.Select(i => i with { SortedDraws = [] })] })],
            });
        }

        return new ScoreRun(cards.MoveToImmutable(), plan.Draws);
    }

    /// <summary>One model's forecasts of every issue: a Monte Carlo distribution with its draws kept, or the point forecast.</summary>
    private static ModelScoreCard Forecast(Scenario scenario, IModel model, ModelOptions options, int draws, int threads, DefaultSpread? spread, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (draws == 0)
        {
            var result = model.Run(scenario, options with { Trace = false }, cancellationToken);
            return Card(model.Info, 0, result.Issues.Select(f => new ScoredIssue { IssueId = f.IssueId, Forecast = f.Forecast }));
        }

        var monteCarlo = MonteCarlo.Run(scenario, model, new MonteCarloOptions
        {
            Draws = draws,
            Seed = options.Seed,
            Threads = threads,
            ModelOptions = options,
            Spread = spread,
            KeepDraws = true,
            Progress = progress,
        }, cancellationToken);
        if (monteCarlo.Partial)
        {
            throw new OperationCanceledException("the Monte Carlo draws were cancelled; a partial distribution is not scored", cancellationToken);
        }

        return Card(model.Info, draws, monteCarlo.Issues.Select(d => new ScoredIssue
        {
            IssueId = d.IssueId,
            Forecast = d.Estimate,
            Draws = draws,
            Intervals = [.. CentralInterval.StandardLevels.Select(level => CentralInterval.FromSortedEnsemble(d.SortedDraws.AsSpan(), level))],
            SortedDraws = d.SortedDraws,
        }));
    }

    private static ModelScoreCard Card(ModelInfo model, int draws, IEnumerable<ScoredIssue> issues) => new()
    {
        ModelId = model.Id,
        Name = model.Name,
        Citation = model.Citation,
        Draws = draws,
        Issues = [.. issues],
    };

    /// <summary>The recorded run's forecasts of <paramref name="scenario"/>, scored as they were stored, with what a reader should know about them.</summary>
    private static Outcome<ScenarioScoreCard> ScoreStored(ScoreRequest request, Scenario scenario, ModelSetup chosen)
    {
        var store = request.Store!;
        StoredRun? run;
        try
        {
            run = request.Run is { } id ? store.FindRun(id) : LatestRecorded(store, scenario.Id);
        }
        catch (StoreException storeError)
        {
            return Outcome<ScenarioScoreCard>.Invalid(storeError.Message);
        }

        if (run is null)
        {
            return Outcome<ScenarioScoreCard>.Invalid(request.Run is { } missing
                ? string.Create(CultureInfo.InvariantCulture, $"there is no run {missing} in {store.Location.Display}; 'parley runs list' shows the runs")
                : $"no completed score or forecast run of scenario '{scenario.Id}' in {store.Location.Display}; record one with 'parley score SCENARIO --save' (before the outcomes are known)");
        }

        var summary = run.Summary;
        var label = string.Create(CultureInfo.InvariantCulture, $"run {summary.Id}");
        if (summary.ScenarioName != scenario.Id)
        {
            return Outcome<ScenarioScoreCard>.Invalid($"{label} forecast scenario '{summary.ScenarioName}', not '{scenario.Id}'; give the scenario it forecast");
        }

        if (summary.Status != RunStatus.Completed || run.Result is null)
        {
            return Outcome<ScenarioScoreCard>.Invalid($"{label} is {ParleyStore.StatusName(summary.Status)}, not completed; only a completed run's forecasts can be scored");
        }

        var (forecasts, error) = StoredForecasts.Read(summary.Command, run.Result, scenario.Id);
        if (error is not null)
        {
            return Outcome<ScenarioScoreCard>.Invalid($"{label} cannot be scored: {error}");
        }

        if (!request.Models.Models.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var wanted = chosen.Models.Select(m => m.Info.Id).ToList();
            var missing = wanted.Where(id => forecasts.All(f => f.ModelId != id)).ToList();
            if (missing.Count > 0)
            {
                return Outcome<ScenarioScoreCard>.Invalid($"{label} has no forecasts of {string.Join(", ", missing)}; it recorded {string.Join(", ", forecasts.Select(f => f.ModelId))}");
            }

            forecasts = [.. forecasts.Where(f => wanted.Contains(f.ModelId))];
        }

        var origin = new ForecastOrigin
        {
            RunId = summary.Id,
            Command = summary.Command,
            RecordedAt = summary.StartedAt,
            ScenarioVersion = string.Create(CultureInfo.InvariantCulture, $"{summary.ScenarioName}@{summary.ScenarioVersion}"),
            Notes = [.. StoredNotes(store, run, scenario, forecasts)],
        };
        return Outcome<ScenarioScoreCard>.Success(ScenarioScoreCard.Score(scenario, origin, forecasts));
    }

    private static StoredRun? LatestRecorded(ParleyStore store, string scenarioId) =>
        store.ListRuns(limit: 10_000, scenario: scenarioId)
            .Where(r => r.Status == RunStatus.Completed && r.Command is "score" or "forecast")
            .Select(r => store.FindRun(r.Id))
            .FirstOrDefault(r => r?.Result is not null);

    /// <summary>What the reader of a stored run's scores should know: what the document supports, whether it was recorded knowing the outcomes, whether the inputs changed since.</summary>
    private static IEnumerable<string> StoredNotes(ParleyStore store, StoredRun run, Scenario scenario, ImmutableArray<ModelScoreCard> forecasts)
    {
        var summary = run.Summary;
        var recorded = DateOnly.FromDateTime(summary.StartedAt.UtcDateTime);
        if (summary.Command == "forecast")
        {
            yield return "a forecast run records point forecasts: scored by absolute error only (record distributions with 'parley score --save')";
        }
        else if (summary.Command == "montecarlo")
        {
            yield return "a montecarlo run keeps the 5, 25, 75 and 95 % quantiles, not the draws: scored on the 50 % and 90 % intervals, without CRPS";
        }
        else if (forecasts.All(f => f.Draws == 0))
        {
            yield return "the run recorded point forecasts (--draws 0): scored by absolute error only";
        }

        var observedBefore = scenario.Issues
            .Where(i => i.Outcome is not null && IsoDate.TryParseDay(i.OutcomeObservation?.Date, out var day) && day <= recorded)
            .Select(i => i.Id)
            .ToList();
        if (observedBefore.Count > 0)
        {
            yield return $"recorded on {IsoDate.Format(recorded)}, on or after the outcomes of {string.Join(", ", observedBefore)} were observed: not a forecast made blind to them";
        }

        ScenarioVersion? version;
        try
        {
            version = store.FindRunScenario(summary.Id);
        }
        catch (StoreException)
        {
            version = null;
        }

        if (version is not null)
        {
            var changes = ScenarioDiff.Between(version.ToScenario(), scenario).Where(c => !IsAboutOutcomes(c)).ToList();
            if (changes.Count > 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"the scenario's inputs changed since the run ({changes.Count} change(s), e.g. {changes[0]}; 'parley scenarios diff' lists them): the forecasts are scored as they were recorded");
            }
        }
    }

    /// <summary>Whether a change only records what happened (outcomes, question, horizon), which a forecast cannot have used.</summary>
    private static bool IsAboutOutcomes(ScenarioChange change) =>
        change.Field is "outcome" or "outcome observed" or "outcome note" or "question" or "horizon"
        || (change.Part == ScenarioPart.Evidence && change.Subject.StartsWith("outcome of ", StringComparison.Ordinal));

    /// <summary>Adds an offset to the draw counts a Monte Carlo run reports, so several runs report one total.</summary>
    private sealed class OffsetProgress(IProgress<long> total, long offset) : IProgress<long>
    {
        public void Report(long value) => total.Report(offset + value);
    }
}

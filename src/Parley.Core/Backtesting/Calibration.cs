using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Scoring;
using Parley.Core.Uncertainty;

namespace Parley.Core.Backtesting;

/// <summary>
/// Calibrated uncertainty: scores a model's Monte Carlo distributions (<see cref="MonteCarlo"/>,
/// input uncertainty from the default spread) against known outcomes, and chooses the spread by
/// grouped cross-validation so that the 50, 80 and 90 % intervals hold their share of outcomes.
/// </summary>
/// <remarks>
/// <para>For each case and candidate spread the model runs on <see cref="CalibrationOptions.Draws"/>
/// draws (one thread per case, cases in parallel, seed <c>Seed + case</c>, so results do not
/// depend on the thread count). Each scored issue gets its CRPS (Gneiting &amp; Raftery 2007,
/// <see cref="ContinuousRankedProbabilityScore"/>), in points of the 0–100 rescaled scale, and
/// whether the outcome fell in each central interval (<see cref="CentralInterval"/>).</para>
/// <para>The spread of each fold is the candidate whose intervals on the other folds come
/// closest to their nominal levels (mean |coverage − level| over 50, 80 and 90 %; ties to the
/// narrower spread); the held-out fold is then scored with it. This is calibration in the sense
/// of Gneiting, Balabdaoui &amp; Raftery (2007, <i>JRSS B</i> 69(2)): an "80 % interval" should
/// hold 80 % of outcomes on cases it was not tuned on.</para>
/// </remarks>
public static class Calibration
{
    /// <summary>Calibrates <paramref name="model"/> on <paramref name="cases"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 10 draws, no spreads, a spread outside 0–1, or fewer than 2 folds.</exception>
    public static ModelCalibration Run(IReadOnlyList<BacktestCase> cases, BacktestModel model, CalibrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Draws, 10, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Folds, 2, nameof(options));
        if (options.Spreads.IsDefaultOrEmpty || options.Spreads.Any(s => !(s >= 0 && s <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "give at least one spread, each from 0 to 1");
        }

        // scores[spread][case]: the case's scored issues.
        var spreads = options.Spreads;
        var scores = new ForecastScore[spreads.Length][][];
        for (var s = 0; s < spreads.Length; s++)
        {
            scores[s] = new ForecastScore[cases.Count][];
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, cases.Count, parallel, c =>
        {
            for (var s = 0; s < spreads.Length; s++)
            {
                scores[s][c] = ScoreCase(cases[c], model, spreads[s], options.Draws, options.Seed + (ulong)c, cancellationToken);
            }
        });

        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var foldOf = cases.Select(c => groups.TryGetValue(c.Group, out var g) ? g : groups[c.Group] = groups.Count).ToArray();
        var folds = Math.Min(options.Folds, groups.Count);
        IEnumerable<ForecastScore> Scores(int s, Func<int, bool> include) =>
            Enumerable.Range(0, cases.Count).Where(include).SelectMany(c => scores[s][c]);

        SpreadCalibration Summary(int s, Func<int, bool> include)
        {
            var summary = ScoreSummary.Of([.. Scores(s, include)]);
            return new SpreadCalibration(spreads[s], summary.MeanCrps ?? 0, summary.Coverage);
        }

        int Choose(Func<int, bool> training)
        {
            var best = 0;
            var bestError = double.PositiveInfinity;
            for (var s = 0; s < spreads.Length; s++)
            {
                var error = Summary(s, training).CalibrationError;
                if (error < bestError - 1e-12)
                {
                    best = s;
                    bestError = error;
                }
            }

            return best;
        }

        var perFold = ImmutableArray.CreateBuilder<double>(folds);
        var heldOut = new List<ForecastScore>();
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var chosen = folds < 2 ? Choose(_ => true) : Choose(c => foldOf[c] % folds != fold);
            perFold.Add(spreads[chosen]);
            heldOut.AddRange(Scores(chosen, c => foldOf[c] % folds == fold));
        }

        var outOfSample = ScoreSummary.Of(heldOut);
        return new ModelCalibration
        {
            Model = model.Id,
            Draws = options.Draws,
            BySpread = [.. Enumerable.Range(0, spreads.Length).Select(s => Summary(s, _ => true))],
            ChosenSpread = spreads[Choose(_ => true)],
            SpreadPerFold = perFold.MoveToImmutable(),
            MeanCrps = outOfSample.MeanCrps ?? 0,
            Coverage = outOfSample.Coverage,
            Count = outOfSample.Count,
        };
    }

    /// <summary>One case's scored issues at one spread; none when the model fails on the case (the backtest reports that failure).</summary>
    private static ForecastScore[] ScoreCase(BacktestCase testCase, BacktestModel model, double spread, int draws, ulong seed, CancellationToken cancellationToken)
    {
        var scenario = testCase.Scenario;
        MonteCarloResult result;
        try
        {
            result = MonteCarlo.Run(scenario, model.Model, new MonteCarloOptions
            {
                Draws = draws,
                Seed = seed,
                Threads = 1,
                ModelOptions = model.Options,
                Spread = DefaultSpread.Uniform(spread),
                KeepDraws = true,
            }, cancellationToken);
        }
        catch (Exception error) when (error is not (Models.ModelOptionException or OperationCanceledException))
        {
            return [];
        }

        var scored = new List<ForecastScore>();
        foreach (var issue in scenario.Issues)
        {
            if (issue.Outcome is not { } outcome || result.Issues.FirstOrDefault(i => i.IssueId == issue.Id) is not { SortedDraws.IsEmpty: false } distribution)
            {
                continue;
            }

            // On the 0–100 rescaled scale, as the backtest's errors, so issues on other scales pool.
            var toPoints = 100 / issue.ScaleWidth;
            var score = ForecastScore.OfDistribution(distribution, outcome);
            scored.Add(score with { Crps = score.Crps * toPoints, AbsoluteError = score.AbsoluteError * toPoints });
        }

        return [.. scored];
    }
}

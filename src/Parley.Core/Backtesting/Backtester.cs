using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Backtesting;

/// <summary>
/// Runs models on scenarios with known outcomes and measures how close their forecasts came:
/// the one entry point of backtests, for DEU data sets and users' own cases alike.
/// </summary>
/// <remarks>
/// Cases run in parallel; each case's errors are stored at its index and merged in case order,
/// so the result is identical on any number of threads. Every model is also compared with the
/// plain compromise model (<see cref="CompromiseModel"/> with its default options), the
/// baseline that Achen (2006, <i>The European Union Decides</i>, ch. 10) found hard to beat.
/// </remarks>
public static class Backtester
{
    /// <summary>The scale points (of 0–100) within which a forecast counts as close, for <see cref="ModelAccuracy.Within10"/>.</summary>
    public const double ClosePoints = 10;

    private const double Tolerance = 1e-9;

    /// <summary>Runs every model on every case and summarises each model's accuracy.</summary>
    /// <param name="cases">The cases; issues without a known outcome are not scored.</param>
    /// <param name="models">The models to test, in report order.</param>
    /// <param name="cancellationToken">Stops the run between cases.</param>
    /// <exception cref="ModelOptionException">A model rejects its options.</exception>
    public static BacktestResult Run(IReadOnlyList<BacktestCase> cases, IReadOnlyList<BacktestModel> models, CancellationToken cancellationToken = default) =>
        Run(cases, models, null, cancellationToken);

    /// <summary>Runs every model on every case, reporting the cases scored so far to <paramref name="progress"/>, and summarises each model's accuracy.</summary>
    /// <param name="cases">The cases; issues without a known outcome are not scored.</param>
    /// <param name="models">The models to test, in report order.</param>
    /// <param name="progress">Receives the number of cases every model has been run on (up to the count of <paramref name="cases"/>); <c>null</c> for none.</param>
    /// <param name="cancellationToken">Stops the run between cases.</param>
    /// <exception cref="ModelOptionException">A model rejects its options.</exception>
    public static BacktestResult Run(IReadOnlyList<BacktestCase> cases, IReadOnlyList<BacktestModel> models, IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(models);
        var baseline = new BacktestModel(new CompromiseModel(), ModelOptions.Default);
        var all = models.Append(baseline).ToArray();
        var (errors, failures) = ScoreAll(cases, all, progress, cancellationToken);
        var baselineErrors = errors[^1];
        var accuracies = ImmutableArray.CreateBuilder<ModelAccuracy>(models.Count);
        for (var m = 0; m < models.Count; m++)
        {
            var failed = failures[m].Where(f => f is not null).ToArray();
            accuracies.Add(Summarize(models[m], errors[m], baselineErrors) with { Failures = failed.Length, FirstFailure = failed.FirstOrDefault() });
        }

        var withOutcome = cases.Sum(c => c.Scenario.Issues.Count(i => i.Outcome is not null));
        return new BacktestResult { Cases = cases.Count, IssuesWithOutcome = withOutcome, Models = accuracies.MoveToImmutable(), BaselineErrors = [.. baselineErrors.SelectMany(e => e)] };
    }

    /// <summary>One model's errors on one case: one entry per issue with an outcome that the model forecast.</summary>
    /// <exception cref="ModelOptionException">The model rejects its options.</exception>
    public static ImmutableArray<IssueError> Score(BacktestCase testCase, BacktestModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(model);
        return Score(testCase, model, Difficulties(testCase.Scenario), cancellationToken);
    }

    /// <summary>Each issue's difficulty (<see cref="ConformalScale.IssueDifficulty"/>): the scenario's, whatever the model, so computed once per case.</summary>
    private static Dictionary<string, double> Difficulties(Scenario scenario) =>
        scenario.Issues.ToDictionary(issue => issue.Id, issue => ConformalScale.IssueDifficulty(scenario, issue), StringComparer.Ordinal);

    private static ImmutableArray<IssueError> Score(BacktestCase testCase, BacktestModel model, Dictionary<string, double> difficulties, CancellationToken cancellationToken)
    {
        var scenario = testCase.Scenario;
        if (!scenario.Issues.Any(i => i.Outcome is not null))
        {
            return [];
        }

        var result = model.Model.Run(scenario, model.Options, cancellationToken);
        var errors = ImmutableArray.CreateBuilder<IssueError>();
        foreach (var issue in scenario.Issues)
        {
            if (issue.Outcome is not { } outcome || result.ForIssue(issue.Id) is not { } forecast)
            {
                continue;
            }

            var error = (forecast.Forecast - outcome) / issue.ScaleWidth * 100;
            errors.Add(new IssueError(testCase.Id, testCase.Group, issue.Id, outcome, forecast.Forecast, error)
            {
                Difficulty = difficulties[issue.Id],
                ForecastPoints = (forecast.Forecast - issue.ScaleMin) / issue.ScaleWidth * 100,
            });
        }

        return errors.ToImmutable();
    }

    /// <summary>
    /// Every model's errors on every case, <c>Errors[model][case]</c>, and the failure message of
    /// each model that threw on a case (<c>Failures[model][case]</c>, <c>null</c> when it ran). A
    /// model failing on one case (a limitation or a bug of that model) does not stop the others; a
    /// rejected option or a cancellation does. Runs the first case serially so that a bad option
    /// surfaces as its own exception, then the rest in parallel.
    /// </summary>
    internal static (ImmutableArray<IssueError>[][] Errors, string?[][] Failures) ScoreAll(IReadOnlyList<BacktestCase> cases, IReadOnlyList<BacktestModel> models, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long scored = 0;
        var errors = new ImmutableArray<IssueError>[models.Count][];
        var failures = new string?[models.Count][];
        for (var m = 0; m < models.Count; m++)
        {
            errors[m] = new ImmutableArray<IssueError>[cases.Count];
            failures[m] = new string?[cases.Count];
        }

        void ScoreCase(int c)
        {
            var difficulties = Difficulties(cases[c].Scenario);
            for (var m = 0; m < models.Count; m++)
            {
                try
                {
                    errors[m][c] = Score(cases[c], models[m], difficulties, cancellationToken);
                }
                catch (Exception error) when (error is not (ModelOptionException or OperationCanceledException))
                {
                    errors[m][c] = [];
                    failures[m][c] = $"case {cases[c].Id}: {error.GetType().Name}: {error.Message}";
                }
            }

            progress?.Report(Interlocked.Increment(ref scored));
        }

        if (cases.Count > 0)
        {
            ScoreCase(0);
        }

        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(1, cases.Count, parallel, ScoreCase);
        return (errors, failures);
    }

    /// <summary>Summarises one model's per-case errors against the baseline's.</summary>
    internal static ModelAccuracy Summarize(BacktestModel model, ImmutableArray<IssueError>[] errors, ImmutableArray<IssueError>[] baseline)
    {
        var flat = errors.SelectMany(e => e).ToImmutableArray();
        var absolute = flat.Select(e => e.AbsoluteError).ToArray();
        Array.Sort(absolute);
        double versus = 0, beats = 0;
        var paired = 0;
        for (var c = 0; c < errors.Length; c++)
        {
            foreach (var error in errors[c])
            {
                foreach (var reference in baseline[c])
                {
                    if (reference.IssueId == error.IssueId)
                    {
                        versus += error.AbsoluteError - reference.AbsoluteError;
                        beats += error.AbsoluteError < reference.AbsoluteError - Tolerance ? 1 : 0;
                        paired++;
                        break;
                    }
                }
            }
        }

        return new ModelAccuracy
        {
            Model = model.Id,
            Options = model.Describe(),
            Count = flat.Length,
            MeanAbsoluteError = MeanOrZero(absolute),
            MedianAbsoluteError = Median(absolute),
            Within10 = flat.Length == 0 ? 0 : absolute.Count(e => e <= ClosePoints + Tolerance) / (double)flat.Length,
            MeanError = MeanOrZero(flat.Select(e => e.Error).ToArray()),
            MeanErrorVsCompromise = paired == 0 ? 0 : versus / paired,
            VersusCompromiseInterval = paired == 0 ? null : BootstrapInterval.ForMeanDifference(flat, [.. baseline.SelectMany(e => e)]),
            BeatsCompromiseShare = paired == 0 ? 0 : beats / paired,
            Errors = flat,
        };
    }

    /// <summary>The mean of <paramref name="values"/>, 0 when empty (reports never carry NaN).</summary>
    internal static double MeanOrZero(IReadOnlyCollection<double> values) => values.Count == 0 ? 0 : values.Sum() / values.Count;

    /// <summary>The median of ascending <paramref name="sorted"/>, 0 when empty.</summary>
    internal static double Median(double[] sorted)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

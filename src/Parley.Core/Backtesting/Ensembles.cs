using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Numerics;

namespace Parley.Core.Backtesting;

/// <summary>
/// Ensembles of the backtested models, and selection of a model by features of the issue, each
/// evaluated by cross-validation grouped by proposal: the weights or choices are fitted on the
/// training folds only and score the held-out fold, as the selection of <see cref="CrossValidation"/>.
/// </summary>
/// <remarks>
/// <para>An ensemble's forecast is Σ<sub>m</sub> w<sub>m</sub> ŷ<sub>m</sub> with w ≥ 0 and
/// Σ w = 1, so its error in points is Σ<sub>m</sub> w<sub>m</sub> e<sub>m</sub>. The rules
/// (<see cref="EnsembleRule"/>): the plain mean (Clemen 1989, "Combining forecasts: a review",
/// <i>International Journal of Forecasting</i> 5: 559–583, found it hard to beat); weights
/// ∝ 1/MAE<sub>m</sub>; and the constrained least-squares weights argmin Σ<sub>i</sub>
/// (Σ<sub>m</sub> w<sub>m</sub> e<sub>mi</sub>)² on the simplex (stacking, Breiman 1996, "Stacked
/// regressions", <i>Machine Learning</i> 24: 49–64), solved by projected gradient descent
/// (2,000 steps of 1/L, L a bound on the largest eigenvalue, projection of Duchi et al. 2008).
/// Selection by features gives each bucket of issues (number of actors or spread of their
/// positions at or below the training median, or above; the proposal's procedure or voting
/// rule) the member with the lowest training MAE there; a bucket unseen in training gets the
/// best member overall. Ties go to the earlier member, with compromise first.</para>
/// <para>Members are the distinct models of the backtest that forecast every issue the
/// compromise model forecast. Folds: groups in order of first appearance, group g in fold g mod K.</para>
/// </remarks>
public static class Ensembles
{
    private const int GradientSteps = 2000;
    private const double Tolerance = 1e-9;

    /// <summary>Every <see cref="EnsembleRule"/> over the models of <paramref name="result"/>; empty with fewer than two members or two groups.</summary>
    /// <param name="cases">The backtest's cases (for the issue features).</param>
    /// <param name="result">The backtest of <paramref name="cases"/>: the per-model accuracies, with their errors, and the compromise baseline's errors.</param>
    /// <param name="folds">Outer folds, 2 or more (fewer with fewer groups).</param>
    public static ImmutableArray<EnsembleResult> Evaluate(IReadOnlyList<BacktestCase> cases, BacktestResult result, int folds)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2, nameof(folds));
        var models = result.Models;
        var baseline = result.BaselineErrors;
        var keys = baseline.Select(e => (e.CaseId, e.IssueId)).ToArray();
        var members = new List<(string Name, IssueError[] Errors)>();
        foreach (var model in models.OrderBy(m => m.Model == "compromise" && m.Options.Length == 0 ? 0 : 1))
        {
            var name = model.Options.Length == 0 ? model.Model : $"{model.Model} ({model.Options})";
            var byKey = new Dictionary<(string, string), IssueError>();
            foreach (var error in model.Errors)
            {
                byKey.TryAdd((error.CaseId, error.IssueId), error);
            }

            var aligned = keys.Select(k => byKey.GetValueOrDefault(k)).ToArray();
            // The same forecasts under another name (recommended with its defaults is compromise) add nothing.
            if (aligned.Any(e => e is null) || members.Any(m => m.Errors.Zip(aligned).All(p => Math.Abs(p.First.Error - p.Second!.Error) < Tolerance)))
            {
                continue;
            }

            members.Add((name, [.. aligned.OfType<IssueError>()]));
        }

        var foldOf = CrossValidation.GroupNumbers(baseline.Select(e => e.Group));
        var k = Math.Min(folds, foldOf.Length == 0 ? 0 : foldOf.Max() + 1);
        if (members.Count < 2 || k < 2)
        {
            return [];
        }

        var features = Features(cases);
        var data = new Data(
            [.. members.Select(m => m.Name)],
            [.. members.Select(m => m.Errors.Select(e => e.Error).ToArray())],
            [.. keys.Select(key => features[key])]);
        return [.. Enum.GetValues<EnsembleRule>().Select(rule => Nested(rule, data, members[0].Errors, baseline, foldOf, k))];
    }

    /// <summary>The report name of <paramref name="rule"/>, e.g. <c>ensemble-least-squares</c> or <c>select-by-spread</c>.</summary>
    public static string NameOf(EnsembleRule rule) => rule switch
    {
        EnsembleRule.Mean => "ensemble-mean",
        EnsembleRule.InverseMae => "ensemble-inverse-mae",
        EnsembleRule.LeastSquares => "ensemble-least-squares",
        EnsembleRule.ByActors => "select-by-actors",
        EnsembleRule.BySpread => "select-by-spread",
        EnsembleRule.ByProcedure => "select-by-procedure",
        EnsembleRule.ByVotingRule => "select-by-voting-rule",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "not a known ensemble rule"),
    };

    /// <summary>
    /// The weights on the simplex minimising the mean squared combined error Σ<sub>i</sub>(Σ<sub>m</sub> w<sub>m</sub> e<sub>mi</sub>)²
    /// of <paramref name="errors"/> (<c>errors[member][issue]</c>), by projected gradient descent from equal weights.
    /// </summary>
    public static double[] LeastSquaresWeights(IReadOnlyList<double[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var m = errors.Count;
        var n = m == 0 ? 0 : errors[0].Length;
        var gram = new double[m, m];
        for (var a = 0; a < m; a++)
        {
            for (var b = 0; b < m; b++)
            {
                double sum = 0;
                for (var i = 0; i < n; i++)
                {
                    sum += errors[a][i] * errors[b][i];
                }

                gram[a, b] = n == 0 ? 0 : sum / n;
            }
        }

        // The gradient 2Gw is Lipschitz with constant 2λmax(G) ≤ 2·max row sum of |G|.
        double bound = 0;
        for (var a = 0; a < m; a++)
        {
            double row = 0;
            for (var b = 0; b < m; b++)
            {
                row += Math.Abs(gram[a, b]);
            }

            bound = Math.Max(bound, 2 * row);
        }

        var weights = Enumerable.Repeat(1.0 / m, m).ToArray();
        if (bound <= 0)
        {
            return weights;
        }

        var step = new double[m];
        for (var t = 0; t < GradientSteps; t++)
        {
            for (var a = 0; a < m; a++)
            {
                double gradient = 0;
                for (var b = 0; b < m; b++)
                {
                    gradient += 2 * gram[a, b] * weights[b];
                }

                step[a] = weights[a] - (gradient / bound);
            }

            weights = ProjectOntoSimplex(step);
        }

        return weights;
    }

    /// <summary>The Euclidean projection of <paramref name="values"/> onto {w ≥ 0, Σ w = 1} (Duchi, Shalev-Shwartz, Singer &amp; Chandra 2008, ICML, Fig. 1).</summary>
    public static double[] ProjectOntoSimplex(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderDescending().ToArray();
        double sum = 0, theta = 0;
        for (var j = 0; j < sorted.Length; j++)
        {
            sum += sorted[j];
            var candidate = (sum - 1) / (j + 1);
            if (sorted[j] - candidate > 0)
            {
                theta = candidate;
            }
        }

        return [.. values.Select(v => Math.Max(v - theta, 0))];
    }

    private static EnsembleResult Nested(EnsembleRule rule, Data data, IssueError[] template, ImmutableArray<IssueError> baseline, int[] groupOf, int folds)
    {
        var all = Enumerable.Range(0, template.Length).ToArray();
        var choices = ImmutableArray.CreateBuilder<string>(folds);
        var heldOut = new IssueError[template.Length];
        for (var f = 0; f < folds; f++)
        {
            var fold = f;
            var fitted = Fit(rule, data, [.. all.Where(i => groupOf[i] % folds != fold)]);
            choices.Add(fitted.Description);
            foreach (var i in all.Where(i => groupOf[i] % folds == fold))
            {
                heldOut[i] = Combine(data, template[i], i, fitted.WeightsOf(i));
            }
        }

        var errors = heldOut.ToImmutableArray();
        return new EnsembleResult
        {
            Name = NameOf(rule),
            Rule = rule,
            Members = data.Names,
            Count = errors.Length,
            MeanAbsoluteError = Backtester.MeanOrZero(errors.Select(e => e.AbsoluteError).ToArray()),
            VersusCompromise = BootstrapInterval.ForMeanDifference(errors, baseline),
            FoldChoices = choices.MoveToImmutable(),
            FullData = Fit(rule, data, all).Description,
            Errors = errors,
        };
    }

    /// <summary>The combined forecast of issue <paramref name="i"/>: error Σ w e and forecast outcome + error × width / 100.</summary>
    private static IssueError Combine(Data data, IssueError template, int i, double[] weights)
    {
        double error = 0;
        for (var m = 0; m < weights.Length; m++)
        {
            error += weights[m] * data.Errors[m][i];
        }

        return template with { Forecast = template.Outcome + (error * data.Features[i].Width / 100), Error = error, ForecastPoints = template.ForecastPoints - template.Error + error };
    }

    private static Fitted Fit(EnsembleRule rule, Data data, int[] training)
    {
        var m = data.Names.Length;
        double TrainingMae(int member, IEnumerable<int> issues)
        {
            var list = issues.ToArray();
            return list.Length == 0 ? double.PositiveInfinity : list.Average(i => Math.Abs(data.Errors[member][i]));
        }

        int Best(IEnumerable<int> issues)
        {
            var list = issues.ToArray();
            var best = 0;
            var bestError = double.PositiveInfinity;
            for (var member = 0; member < m; member++)
            {
                var error = TrainingMae(member, list);
                if (error < bestError - Tolerance)
                {
                    best = member;
                    bestError = error;
                }
            }

            return best;
        }

        double[] OneHot(int member) => [.. Enumerable.Range(0, m).Select(x => x == member ? 1.0 : 0.0)];

        switch (rule)
        {
            case EnsembleRule.Mean:
            case EnsembleRule.InverseMae:
            case EnsembleRule.LeastSquares:
            {
                var weights = rule switch
                {
                    EnsembleRule.Mean => Enumerable.Repeat(1.0 / m, m).ToArray(),
                    EnsembleRule.InverseMae => Normalize([.. Enumerable.Range(0, m).Select(x => 1 / Math.Max(TrainingMae(x, training), Tolerance))]),
                    _ => LeastSquaresWeights([.. data.Errors.Select(e => training.Select(i => e[i]).ToArray())]),
                };
                var description = string.Join(", ", Enumerable.Range(0, m).Where(x => weights[x] >= 0.005).Select(x => string.Create(CultureInfo.InvariantCulture, $"{data.Names[x]} {weights[x]:0.00}")));
                return new Fitted(_ => weights, description);
            }

            case EnsembleRule.ByActors:
            case EnsembleRule.BySpread:
            {
                double Value(int i) => rule == EnsembleRule.ByActors ? data.Features[i].Actors : data.Features[i].Spread;
                var values = training.Select(Value).Order().ToArray();
                var threshold = values.Length == 0 ? 0 : SampleQuantile.Type7(values, 0.5);
                var low = Best(training.Where(i => Value(i) <= threshold + Tolerance));
                var high = Best(training.Where(i => Value(i) > threshold + Tolerance));
                var unit = rule == EnsembleRule.ByActors ? "actors" : "points of spread";
                var description = string.Create(CultureInfo.InvariantCulture, $"<= {threshold:0.#} {unit}: {data.Names[low]}; above: {data.Names[high]}");
                return new Fitted(i => OneHot(Value(i) <= threshold + Tolerance ? low : high), description);
            }

            default:
            {
                string Value(int i) => rule == EnsembleRule.ByProcedure ? data.Features[i].Procedure : data.Features[i].VotingRule;
                var fallback = Best(training);
                var byBucket = training.Select(Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .ToDictionary(v => v, v => Best(training.Where(i => Value(i) == v)), StringComparer.Ordinal);
                var description = string.Join("; ", byBucket.Select(p => $"{p.Key}: {data.Names[p.Value]}")) + $"; other: {data.Names[fallback]}";
                return new Fitted(i => OneHot(byBucket.GetValueOrDefault(Value(i), fallback)), description);
            }
        }
    }

    private static double[] Normalize(double[] values)
    {
        var sum = values.Sum();
        return [.. values.Select(v => v / sum)];
    }

    /// <summary>Each scored issue's features, by (case id, issue id).</summary>
    private static Dictionary<(string, string), IssueFeatures> Features(IReadOnlyList<BacktestCase> cases)
    {
        var features = new Dictionary<(string, string), IssueFeatures>();
        foreach (var testCase in cases)
        {
            var scenario = testCase.Scenario;
            var procedure = scenario.Rules?.Procedure ?? "none";
            var votingRule = scenario.Rules?.Decision.ToString() ?? "none";
            foreach (var issue in scenario.Issues)
            {
                var positions = scenario.StancesOn(issue.Id).Select(s => (s.Position - issue.ScaleMin) / issue.ScaleWidth * 100).ToArray();
                var mean = positions.Length == 0 ? 0 : positions.Average();
                var spread = positions.Length == 0 ? 0 : Math.Sqrt(positions.Average(p => (p - mean) * (p - mean)));
                features[(testCase.Id, issue.Id)] = new IssueFeatures(positions.Length, spread, procedure, votingRule, issue.ScaleWidth);
            }
        }

        return features;
    }

    private readonly record struct IssueFeatures(int Actors, double Spread, string Procedure, string VotingRule, double Width);

    private sealed record Data(ImmutableArray<string> Names, ImmutableArray<double[]> Errors, ImmutableArray<IssueFeatures> Features);

    private sealed record Fitted(Func<int, double[]> WeightsOf, string Description);
}

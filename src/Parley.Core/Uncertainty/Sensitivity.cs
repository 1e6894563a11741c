using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Numerics;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Which inputs a forecast hinges on: for each issue, a tornado table of the uncertain inputs
/// ranked by how far each moves the forecast.
/// </summary>
/// <remarks>
/// <para>Two measures, both reported. The ranking uses one-at-a-time swings: each input in turn
/// is set to the low and to the high end of its interval (its own range, or the default spread)
/// with every other input at its estimate, and the bar is the forecast's change,
/// |f(high) − f(low)|, in the issue's units: "if this salience were at the bottom of its range
/// the forecast would move this much". Swings miss interactions, so each bar also carries
/// Spearman's rank correlation ρ between the input and the forecast over Monte Carlo draws in
/// which all inputs vary together (Saltelli et al. 2008, <i>Global Sensitivity Analysis: The
/// Primer</i>, Wiley, §1.2): a measure of monotone association that does not assume linearity.
/// The draws are those of <see cref="MonteCarlo.Run"/> with the same seed, so the analysis is
/// reproducible on any thread count.</para>
/// <para>Ties in swing go to the larger |ρ|, then to the earlier input. The swings of different
/// inputs run in parallel; each is two ordinary model runs, so the result does not depend on
/// the thread count. When cancelled, the table holds the inputs whose swings were done.</para>
/// </remarks>
public static class Sensitivity
{
    /// <summary>The most draws <see cref="SensitivityOptions.Draws"/> allows (they are all kept in memory).</summary>
    public const int MaxDraws = 100_000;

    /// <summary>
    /// How many model runs the analysis makes (2 per uncertain input, then one per draw): the
    /// total that <see cref="SensitivityOptions.Progress"/> counts up to.
    /// </summary>
    public static long ModelRuns(Scenario scenario, SensitivityOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var inputs = new ScenarioSampler(scenario, options.Spread ?? scenario.DefaultSpread ?? DefaultSpread.Standard).InputCount;
        return (2L * inputs) + (inputs > 0 ? options.Draws : 0);
    }

    /// <summary>Runs the analysis of <paramref name="model"/> on <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="model">Any model.</param>
    /// <param name="options">Draws, seed, threads, spread and the model's options.</param>
    /// <param name="cancellationToken">Stops early; the result is then flagged partial.</param>
    /// <exception cref="ModelOptionException">The model rejects its options.</exception>
    public static SensitivityResult Run(Scenario scenario, IModel model, SensitivityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Draws, nameof(options.Draws));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Draws, MaxDraws, nameof(options.Draws));

        var spread = options.Spread ?? scenario.DefaultSpread ?? DefaultSpread.Standard;
        var sampler = new ScenarioSampler(scenario, spread);
        var estimate = model.Run(scenario, options.ModelOptions, CancellationToken.None);
        var issueIds = estimate.Issues.Select(f => f.IssueId).ToArray();

        // Only the forecasts of a swing are read, so models may skip their details and history.
        var swingOptions = options.ModelOptions with { Lean = true };

        // One-at-a-time swings, two model runs per input; inputs run in parallel, each writing its own row.
        var inputCount = sampler.InputCount;
        var atLow = new double[inputCount, issueIds.Length];
        var atHigh = new double[inputCount, issueIds.Length];
        var swung = new bool[inputCount];
        var partial = false;
        long runsDone = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(0, inputCount, parallel, () => new double[inputCount], (input, _, values) =>
            {
                sampler.Estimates(values);
                values[input] = sampler.Inputs[input].Low;
                Record(model.Run(sampler.Apply(values), swingOptions, cancellationToken), issueIds, atLow, input);
                values[input] = sampler.Inputs[input].High;
                Record(model.Run(sampler.Apply(values), swingOptions, cancellationToken), issueIds, atHigh, input);
                swung[input] = true;
                options.Progress?.Report(Interlocked.Add(ref runsDone, 2));
                return values;
            }, _ => { });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            partial = true;
        }
        catch (AggregateException errors) when (cancellationToken.IsCancellationRequested && errors.InnerExceptions.All(e => e is OperationCanceledException))
        {
            partial = true;
        }
        catch (AggregateException errors)
        {
            ExceptionDispatchInfo.Throw(errors.InnerExceptions.First(e => e is not OperationCanceledException));
        }

        // Rank correlations over Monte Carlo draws.
        DrawSample? sample = null;
        if (!partial && options.Draws > 0 && inputCount > 0)
        {
            var monteCarlo = MonteCarlo.RunKeepingSample(scenario, model, new MonteCarloOptions
            {
                Draws = options.Draws,
                Seed = options.Seed,
                Threads = options.Threads,
                ModelOptions = options.ModelOptions,
                Spread = spread,
                CorrelationSample = options.Draws,
                Progress = options.Progress is { } progress ? new OffsetProgress(progress, 2L * inputCount) : null,
            }, cancellationToken, out sample);
            partial = monteCarlo.Partial;
        }

        var correlations = Correlations(sample, inputCount, issueIds.Length);
        var issues = ImmutableArray.CreateBuilder<IssueSensitivity>(issueIds.Length);
        for (var k = 0; k < issueIds.Length; k++)
        {
            var bars = new List<(TornadoBar Bar, int Order)>(inputCount);
            for (var i = 0; i < inputCount; i++)
            {
                if (!swung[i])
                {
                    continue;
                }

                bars.Add((new TornadoBar
                {
                    Input = sampler.Inputs[i],
                    ForecastAtLow = atLow[i, k],
                    ForecastAtHigh = atHigh[i, k],
                    RankCorrelation = correlations?[i, k],
                }, i));
            }

            bars.Sort(static (a, b) =>
            {
                var bySwing = b.Bar.Swing.CompareTo(a.Bar.Swing);
                if (bySwing != 0)
                {
                    return bySwing;
                }

                var byCorrelation = Math.Abs(b.Bar.RankCorrelation ?? 0).CompareTo(Math.Abs(a.Bar.RankCorrelation ?? 0));
                return byCorrelation != 0 ? byCorrelation : a.Order.CompareTo(b.Order);
            });
            issues.Add(new IssueSensitivity
            {
                IssueId = issueIds[k],
                Estimate = estimate.Issues[k].Forecast,
                Bars = [.. bars.Select(b => b.Bar)],
            });
        }

        return new SensitivityResult
        {
            Model = model.Info,
            ScenarioId = scenario.Id,
            Seed = options.Seed,
            Draws = sample?.Count ?? 0,
            Partial = partial,
            Spread = spread,
            Issues = issues.MoveToImmutable(),
        };
    }

    /// <summary>Reports draws as model runs after the swings' runs.</summary>
    private sealed class OffsetProgress(IProgress<long> inner, long offset) : IProgress<long>
    {
        public void Report(long value) => inner.Report(offset + value);
    }

    private static void Record(ModelResult result, string[] issueIds, double[,] target, int input)
    {
        for (var k = 0; k < issueIds.Length; k++)
        {
            target[input, k] = result.ForIssue(issueIds[k])?.Forecast
                ?? throw new InvalidOperationException($"model '{result.Model.Id}' made no forecast for issue '{issueIds[k]}' with one input at the end of its range");
        }
    }

    private static double?[,]? Correlations(DrawSample? sample, int inputCount, int issueCount)
    {
        if (sample is null || sample.Count < 2)
        {
            return null;
        }

        var count = sample.Count;
        var column = new double[count];
        var issueRanks = new double[issueCount][];
        for (var k = 0; k < issueCount; k++)
        {
            for (var d = 0; d < count; d++)
            {
                column[d] = sample.Forecasts[(d * issueCount) + k];
            }

            issueRanks[k] = new double[count];
            RankCorrelation.Ranks(column, issueRanks[k]);
        }

        var result = new double?[inputCount, issueCount];
        var inputRanks = new double[count];
        for (var i = 0; i < inputCount; i++)
        {
            for (var d = 0; d < count; d++)
            {
                column[d] = sample.Values[(d * inputCount) + i];
            }

            RankCorrelation.Ranks(column, inputRanks);
            for (var k = 0; k < issueCount; k++)
            {
                result[i, k] = RankCorrelation.PearsonOfRanks(inputRanks, issueRanks[k]);
            }
        }

        return result;
    }
}

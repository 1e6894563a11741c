using System.Collections.Immutable;
using Parley.Core.Backtesting;
using Parley.Core.Models.Baseline;
using Parley.Formats.Backtesting;
using Parley.Formats.Deu;

namespace Parley.Application;

/// <summary>A checked backtest request, ready to run.</summary>
/// <param name="Input">The cases with known outcomes and the data set's name.</param>
/// <param name="Capability">The DEU capabilities used (meaningful when a DEU file was read).</param>
/// <param name="Setup">The models and their options.</param>
/// <param name="Modes">The modes to run, proposal first: each case with all its issues, and each issue alone.</param>
/// <param name="Folds">Outer folds of the nested cross-validation (and of the spread's calibration).</param>
/// <param name="Groups">How many groups (proposals) the cases fall into; the selection needs at least three.</param>
/// <param name="CalibrationDraws">Monte Carlo draws per case and candidate spread for the calibration of intervals; 0 leaves it out.</param>
public sealed record BacktestPlan(BacktestInput Input, DeuCapability Capability, ModelSetup Setup, ImmutableArray<BacktestMode> Modes, int Folds, int Groups, int CalibrationDraws)
{
    /// <summary>
    /// Whether the Monte Carlo intervals are calibrated: draws were asked for and the cases fall into at least two
    /// groups, since the spread is chosen on some groups and scored on the others (one group has nothing held out).
    /// </summary>
    public bool Calibrates => CalibrationDraws > 0 && Groups >= 2;

    /// <summary>The count <see cref="Run"/> reports progress towards: every mode's cases (the models' runs on them).</summary>
    public long TotalSteps => Modes.Sum(mode => (long)BacktestCase.For(Input.Cases, mode).Length);

    /// <summary>
    /// Runs every model on every case in each mode, then the selection procedure's nested cross-validation,
    /// the conformal intervals, the ensembles and, with calibration draws, the calibration of the Monte Carlo intervals; reports the cases done to <paramref name="progress"/>.
    /// Cancelling throws.
    /// </summary>
    public BacktestRun Run(IProgress<long>? progress, CancellationToken cancellationToken = default)
    {
        var models = Setup.Models.Select(m => new BacktestModel(m, Setup.Options)).ToArray();
        var runs = ImmutableArray.CreateBuilder<BacktestModeRun>(Modes.Length);
        long done = 0;
        foreach (var mode in Modes)
        {
            var cases = BacktestCase.For(Input.Cases, mode);
            var offset = done;
            var result = Backtester.Run(cases, models, progress is null ? null : new Progress(progress, offset), cancellationToken);
            done += cases.Length;
            var selection = Groups >= 3 ? CrossValidation.Nested(cases, RecommendedSelection.Candidates, Folds, CrossValidation.DefaultFolds, cancellationToken) : null;
            result = WithSelection(result, models, selection);
            if (Calibrates)
            {
                var calibration = new CalibrationOptions { Draws = CalibrationDraws, Folds = Folds };
                result = result with { Models = [.. result.Models.Select((accuracy, m) => accuracy with { Calibration = Calibration.Run(cases, models[m], calibration, cancellationToken) })] };
            }

            if (Groups >= 2)
            {
                // Conformal intervals from each model's own errors, held out by proposal; cheap (no model runs).
                result = result with
                {
                    Models =
                    [
                        .. result.Models.Select(accuracy => accuracy with
                        {
                            Conformal = ConformalIntervals.Run(accuracy.Model, accuracy.Errors, Folds),
                            NormalizedConformal = ConformalIntervals.Run(accuracy.Model, accuracy.Errors, Folds, ConformalScale.PositionSpread),
                        }),
                    ],
                };
            }

            var ensembles = Groups >= 3 ? Ensembles.Evaluate(cases, result, Folds) : [];
            runs.Add(new BacktestModeRun(mode, result, selection) { Ensembles = ensembles });
        }

        return new BacktestRun(Input.Dataset, Input.ReadDeu ? DeuReader.CapabilityName(Capability) : null, runs.MoveToImmutable()) { Data = Input.Data };
    }

    /// <summary>
    /// Attaches the selection procedure's nested cross-validation to the models it chooses: the
    /// recommended model run with its shipped defaults (with exponents set by hand, nothing was chosen from data).
    /// </summary>
    private static BacktestResult WithSelection(BacktestResult result, IReadOnlyList<BacktestModel> models, NestedCrossValidationResult? selection)
    {
        if (selection is null)
        {
            return result;
        }

        return result with
        {
            Models = [.. result.Models.Select((accuracy, m) => models[m].Model is TemperedCompromiseModel
                && !models[m].Options.Parameters.Keys.Any(name => TemperedCompromiseModel.CapabilityExponent.Name == name || TemperedCompromiseModel.SalienceExponent.Name == name)
                ? accuracy with { NestedCrossValidation = selection }
                : accuracy)],
        };
    }

    /// <summary>Reports one mode's cases done as the whole run's, after the modes before it.</summary>
    private sealed class Progress(IProgress<long> inner, long offset) : IProgress<long>
    {
        public void Report(long value) => inner.Report(offset + value);
    }
}

using System.Collections.Immutable;
using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Staging;

namespace Parley.Application;

/// <summary>A forecast's result: one <see cref="ModelResult"/> per model, or one <see cref="StagedResult"/> per model when staged.</summary>
/// <param name="Scenario">The scenario the models ran on (blocs applied).</param>
/// <param name="Options">The options they ran with.</param>
/// <param name="Results">One result per model, in the order chosen; empty when staged.</param>
/// <param name="Staged">One staged result per model, in the order chosen; empty when not staged.</param>
public sealed record ForecastRun(Scenario Scenario, ModelOptions Options, ImmutableArray<ModelResult> Results, ImmutableArray<StagedResult> Staged)
{
    /// <summary>Whether the stages were run.</summary>
    public bool IsStaged => !Staged.IsDefaultOrEmpty;

    /// <summary>Each model's forecast: its result, or when staged its final forecast after the last stage.</summary>
    public ImmutableArray<ModelResult> Finals => IsStaged ? FinalsOf(Staged) : Results;

    /// <summary>Each staged result's final forecast, as a result of its model.</summary>
    public static ImmutableArray<ModelResult> FinalsOf(IEnumerable<StagedResult> staged) =>
        [.. staged.Select(r => new ModelResult { Model = r.Model, Issues = r.Final })];

    /// <summary>Whether the run was cancelled: the results are those of the models that finished first.</summary>
    public bool Partial { get; init; }

    /// <summary>How many models were asked for (more than the results when <see cref="Partial"/>).</summary>
    public int Requested { get; init; }

    /// <summary>The calibration of the models' intervals (<see cref="ForecastRequest.Calibration"/>), or <c>null</c> without one.</summary>
    public ForecastCalibration? Calibration { get; init; }
}

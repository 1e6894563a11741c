using System.Collections.Immutable;
using Parley.Storage;

namespace Parley.Application;

/// <summary>
/// Score forecasts against the outcomes the scenarios record (<c>parley score</c>): every model on
/// every issue with a known outcome. The forecasts are computed now (Monte Carlo with
/// <see cref="Draws"/> draws, or point forecasts with 0 draws), or read from a run recorded in
/// <see cref="Store"/> (<see cref="Run"/>, or the latest with <see cref="LatestStored"/>) and scored
/// as they were stored.
/// </summary>
public sealed record ScoreRequest
{
    /// <summary>Draws per model when none are asked for.</summary>
    public const int DefaultDraws = 2_000;

    /// <summary>The most draws per model: every draw of every issue is kept in memory to score it exactly.</summary>
    public const int MaxDraws = 1_000_000;

    /// <summary>The scenarios, each scored on its own.</summary>
    public ImmutableArray<ScenarioSource> Scenarios { get; init; } = [ScenarioSource.BuiltIn()];

    /// <summary>The models (default all) and their options; the seed seeds the draws.</summary>
    public ModelRequest Models { get; init; } = new();

    /// <summary>Monte Carlo draws per model, 0 (point forecasts: absolute error only) to <see cref="MaxDraws"/>; <c>null</c> for <see cref="DefaultDraws"/>.</summary>
    public int? Draws { get; init; }

    /// <summary>Worker threads, 0 (one per processor) to 1024. The result does not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Default spread 0-1 for inputs without a range; <c>null</c> for the scenario's.</summary>
    public double? Spread { get; init; }

    /// <summary>Whether the result keeps every draw (sorted) per model and issue, so that a recorded score run can be scored again exactly later.</summary>
    public bool KeepDraws { get; init; }

    /// <summary>The Parley store to read recorded runs from; needed with <see cref="Run"/> and <see cref="LatestStored"/>.</summary>
    public ParleyStore? Store { get; init; }

    /// <summary>Score the forecasts of this recorded run (a <c>score</c>, <c>forecast</c> or <c>montecarlo</c> run) instead of computing them.</summary>
    public long? Run { get; init; }

    /// <summary>Score, for each scenario, the latest completed <c>score</c> or <c>forecast</c> run recorded for its id.</summary>
    public bool LatestStored { get; init; }
}

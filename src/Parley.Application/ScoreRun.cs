using System.Collections.Immutable;
using Parley.Core.Scoring;

namespace Parley.Application;

/// <summary>The outcome of <see cref="ParleyApplication.Score"/>: one score card per scenario, in the order given.</summary>
/// <param name="Scenarios">The score cards.</param>
/// <param name="Draws">Draws per model of fresh forecasts; 0 for point forecasts or stored ones.</param>
public sealed record ScoreRun(ImmutableArray<ScenarioScoreCard> Scenarios, int Draws);

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Procedural;

/// <summary>
/// The compromise model weighted by voting power: <c>x̂ = Σᵢ φᵢ sᵢ xᵢ / Σᵢ φᵢ sᵢ</c>, where φᵢ is
/// actor i's Shapley–Shubik index in the scenario's decision rules on the issue (voters with
/// their weights and rule, veto players and the agenda setter needed besides) and sᵢ its salience.
/// </summary>
/// <remarks>
/// <para>The compromise model (Van den Bos 1991; Achen 2006, "Evaluating political
/// decision-making models", in Thomson, Stokman, Achen &amp; König (eds.), <i>The European Union
/// Decides</i>, ch. 10, eq. 10.1) with capabilities replaced by formal voting power, as in the
/// power-weighted variants compared by Thomson &amp; Hosli (2006, "Who has power in the EU?",
/// <i>JCMS</i> 44(2): 391–417) and the capability measures of Thomson &amp; Stokman (2006,
/// ch. 2 of the same volume). Power is the Shapley–Shubik index (Shapley &amp; Shubik 1954) of the
/// game in which a coalition wins when its voters carry the decision and every veto player and
/// the agenda setter (whose proposal is needed) belong to it, computed exactly
/// (<see cref="Power.ShapleyShubik.Compute"/>).</para>
/// <para>Choices (docs/models/procedural.md): actors with a stance but no part in the rules (an
/// advisory body) weigh 0; without rules every actor with a stance is a voter under unanimity,
/// so all weigh alike and the forecast is the salience-weighted mean; when every weight is 0 the
/// forecast is the plain mean, as for the compromise model.</para>
/// </remarks>
public sealed class PowerCompromiseModel : IModel
{
    /// <inheritdoc />
    public ModelInfo Info { get; } = new(
        "power-compromise",
        "Compromise weighted by voting power",
        "Achen (2006) in The European Union Decides, eq. 10.1; Thomson & Hosli (2006); Shapley & Shubik (1954)",
        "Mean of the positions weighted by each actor's Shapley-Shubik power under the scenario's rules times its salience.");

    /// <inheritdoc />
    public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var forecasts = ImmutableArray.CreateBuilder<IssueForecast>();
        foreach (var issue in scenario.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stances = scenario.StancesOn(issue.Id);
            if (stances.IsEmpty)
            {
                continue;
            }

            var power = PowerOf(scenario.Rules ?? DecisionRules.Unanimous, VotingBody.For(scenario, issue.Id, setterIsRequired: true));
            var positions = stances.Select(s => s.Position).ToArray();
            var weights = stances.Select(s => power.GetValueOrDefault(s.ActorId) * s.Salience).ToArray();
            forecasts.Add(new IssueForecast { IssueId = issue.Id, Forecast = WeightedStatistics.Mean(positions, weights) });
        }

        return new ModelResult { Model = Info, Issues = forecasts.ToImmutable() };
    }

    // Power depends on the rules and on who votes and must agree, not on positions or saliences:
    // Monte Carlo draws and backtest cases sharing one rules object reuse it instead of rerunning
    // the Shapley-Shubik programme (O(n^2 W) for total weight W) per draw.
    private static readonly ConditionalWeakTable<DecisionRules, ConcurrentDictionary<string, ImmutableSortedDictionary<string, double>>> PowerCache = [];

    private static ImmutableSortedDictionary<string, double> PowerOf(DecisionRules rules, VotingBody body)
    {
        var key = string.Join(',', body.Voters.Select(v => v.Id)) + "|" + string.Join(',', body.Required.Select(r => r.Id));
        return PowerCache.GetValue(rules, _ => new(StringComparer.Ordinal)).GetOrAdd(key, _ => body.Power());
    }
}

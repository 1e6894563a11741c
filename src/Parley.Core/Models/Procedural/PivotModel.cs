using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models.Baseline;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Procedural;

/// <summary>
/// The procedural pivot model of EU legislation: the agenda setter proposes the point it likes
/// best among those the decision rule accepts against the status quo. Issue by issue, with
/// q the status quo, a the setter's position and [L, R] the win set of q (the points that the
/// voters carrying the decision and every veto player prefer to q, <see cref="VotingBody.WinSetEnd"/>):
/// <c>x̂ = min(a, R)</c> when a ≥ q, <c>x̂ = max(a, L)</c> when a &lt; q.
/// </summary>
/// <remarks>
/// <para>The setter model of Romer &amp; Rosenthal (1978, <i>Public Choice</i> 33(4)) applied to
/// the Council: Steunenberg (1994, "Decision making under different institutional arrangements:
/// legislation by the European Community", <i>Journal of Institutional and Theoretical
/// Economics</i> 150(4): 642–669), Crombez (1996, "Legislative procedures in the European
/// Community", <i>British Journal of Political Science</i> 26(2): 199–228) and Tsebelis &amp;
/// Garrett (2000, "Legislative politics in the European Union", <i>European Union Politics</i>
/// 1(1): 9–36): under qualified majority the pivotal member states bound what the Commission can
/// propose; under unanimity every member does; under co-decision the Parliament is a veto player.
/// In one dimension the win set of q on the side of a voter at x reaches 2x − q, so the bound is
/// the reflection of q in the pivot's position.</para>
/// <para>Choices (docs/models/procedural.md): preferences are symmetric (distance); an actor
/// without a stance on the issue accepts any proposal; an issue without a status quo takes the
/// end of the scale farthest from the proposal as its reversion point; with no agenda setter, or one without a stance
/// on the issue, the proposal is the voters' weighted median (an open agenda); without rules,
/// every actor with a stance has a veto (unanimity). Salience and capability are not used: the
/// rules alone decide, as in the formal models.</para>
/// </remarks>
public sealed class PivotModel : IModel
{
    /// <inheritdoc />
    public ModelInfo Info { get; } = new(
        "pivot",
        "Procedural pivot model (agenda setter and win set)",
        "Steunenberg (1994); Crombez (1996); Tsebelis & Garrett (2000); Romer & Rosenthal (1978)",
        "The agenda setter's best point among those the voting rule and the veto players accept against the status quo.");

    /// <inheritdoc />
    public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var forecasts = ImmutableArray.CreateBuilder<IssueForecast>();
        foreach (var issue in scenario.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (scenario.StancesOn(issue.Id).IsEmpty)
            {
                continue;
            }

            var body = VotingBody.For(scenario, issue.Id, setterIsRequired: false);
            if (Proposal(scenario, issue, body) is not { } proposal)
            {
                continue;
            }

            // Without a recorded status quo, failure is taken to be as bad as the scale allows for
            // the proposer: the end farthest from its proposal (as the Nash model takes the worst end).
            var statusQuo = issue.StatusQuo ?? (proposal - issue.ScaleMin >= issue.ScaleMax - proposal ? issue.ScaleMin : issue.ScaleMax);

            forecasts.Add(new IssueForecast { IssueId = issue.Id, Forecast = issue.Clamp(Outcome(body, statusQuo, proposal)) });
        }

        return new ModelResult { Model = Info, Issues = forecasts.ToImmutable() };
    }

    /// <summary>The outcome when the setter at <paramref name="setter"/> proposes against <paramref name="statusQuo"/>.</summary>
    internal static double Outcome(VotingBody body, double statusQuo, double setter) => setter >= statusQuo
        ? Math.Min(setter, body.WinSetEnd(statusQuo, +1))
        : Math.Max(setter, body.WinSetEnd(statusQuo, -1));

    /// <summary>The setter's position, or the voters' weighted median under an open agenda; <c>null</c> when no voter has a stance.</summary>
    private static double? Proposal(Scenario scenario, Issue issue, VotingBody body)
    {
        if (body.Rules.AgendaSetter is { } setter && scenario.FindStance(setter, issue.Id) is { } stance)
        {
            return stance.Position;
        }

        var placed = body.Voters.Where(v => v.Position is not null).ToArray();
        if (placed.Length == 0)
        {
            return null;
        }

        var positions = placed.Select(v => v.Position!.Value).ToArray();
        var weights = placed.Select(v => v.Weight).ToArray();
        return WeightedStatistics.Median(positions, weights, new double[positions.Length], new double[positions.Length]);
    }
}

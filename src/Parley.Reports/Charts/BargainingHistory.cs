using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.ExpectedUtility;
using Parley.Core.Models.Smp;

namespace Parley.Reports.Charts;

/// <summary>
/// Every actor's position on one issue before the first round (index 0) and after each round of a
/// dynamic model, read from the model's trace: the expected utility model and SMP record positions
/// per round; the exchange model records its exchanges, which are replayed from the stances.
/// </summary>
public static class BargainingHistory
{
    /// <summary>Positions per round (round 0 = the stances) for <paramref name="issueId"/>; actors in scenario order.</summary>
    public static ImmutableArray<ImmutableDictionary<string, double>> Positions(Scenario scenario, ModelResult result, string issueId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        var start = scenario.StancesOn(issueId).ToImmutableDictionary(s => s.ActorId, s => s.Position, StringComparer.Ordinal);
        var rounds = ImmutableArray.CreateBuilder<ImmutableDictionary<string, double>>();
        rounds.Add(start);
        var current = start;
        var dimension = result.Details is SmpDetails smp ? smp.Dimensions.IndexOf(issueId) : -1;
        foreach (var trace in result.Rounds)
        {
            switch (trace)
            {
                case ExpectedUtilityRound eum when eum.Issue == issueId:
                    current = eum.Positions.ToImmutableDictionary(StringComparer.Ordinal);
                    rounds.Add(current);
                    break;
                case SmpRoundTrace turn when dimension >= 0:
                    current = turn.Positions.ToImmutableDictionary(p => p.Key, p => p.Value[dimension], StringComparer.Ordinal);
                    rounds.Add(current);
                    break;
                case ExchangeRoundTrace exchanges:
                    var builder = current.ToBuilder();
                    foreach (var exchange in exchanges.Exchanges)
                    {
                        if (exchange.FirstIssue == issueId)
                        {
                            builder[exchange.FirstActor] = exchange.FirstTo;
                        }

                        if (exchange.SecondIssue == issueId)
                        {
                            builder[exchange.SecondActor] = exchange.SecondTo;
                        }
                    }

                    current = builder.ToImmutable();
                    rounds.Add(current);
                    break;
                default:
                    break;
            }
        }

        return rounds.ToImmutable();
    }

    /// <summary>The issue's outcome after each round, from the trace (round 1 first).</summary>
    public static ImmutableArray<double> Outcomes(ModelResult result, string issueId) =>
    [
        .. result.Rounds
            .Where(r => r is not ExpectedUtilityRound eum || eum.Issue == issueId)
            .SelectMany(r => r.Issues.Where(i => i.Id == issueId).Select(i => i.Outcome)),
    ];
}

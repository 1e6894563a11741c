using System.Collections.Immutable;

namespace Parley.Core.Models.Exchange;

/// <summary>What the <see cref="ExchangeModel"/> reports beyond the forecast.</summary>
public sealed record ExchangeDetails : ModelDetails
{
    /// <summary>Number of exchanges realised in each round, from round 1.</summary>
    public required ImmutableArray<int> ExchangesPerRound { get; init; }

    /// <summary>
    /// Each issue's weighted mean of the actors' preferences after the last round's preference
    /// update: where the next round would start (the reference's "preference" outcome).
    /// </summary>
    public required ImmutableArray<IssueOutcome> Preferences { get; init; }

    /// <summary>REX's p (0 for plain equal gain).</summary>
    public required double RexP { get; init; }
}

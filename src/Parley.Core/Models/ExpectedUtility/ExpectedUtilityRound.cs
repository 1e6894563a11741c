using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Models.ExpectedUtility;

/// <summary>
/// One round of the expected utility model on one issue. Issues run independently, so a
/// multi-issue scenario yields one record per issue and round, issue by issue (rounds 1..n of the
/// first issue, then of the second...); <see cref="Issue"/> says which.
/// </summary>
public sealed record ExpectedUtilityRound : RoundTrace
{
    /// <summary>The issue id this round belongs to.</summary>
    public required string Issue { get; init; }

    /// <summary>Every offer made this round, receivers in actor order, proposers in actor order; accepted ones are the moves.</summary>
    public required ImmutableArray<ExpectedUtilityOffer> Offers { get; init; }

    /// <summary>Each actor's risk exponent r_i this round (0.5 risk-acceptant to 2 risk-averse), by actor id.</summary>
    public required ImmutableSortedDictionary<string, double> RiskExponents { get; init; }

    /// <summary>Each actor's position after the round, by actor id.</summary>
    public required ImmutableSortedDictionary<string, double> Positions { get; init; }

    /// <summary>How many offers the round made, recorded in <see cref="Offers"/> or not.</summary>
    public int OfferCount { get; init; }

    /// <summary>
    /// Whether <see cref="Offers"/> holds every offer of the round (true), or only the accepted ones
    /// (false: the run was too large to record every offer, see <see cref="ExpectedUtilityModel.MaxRecordedOffers"/>).
    /// </summary>
    public bool AllOffersRecorded { get; init; } = true;

    /// <summary>Capability × salience weighted mean of the positions after the round.</summary>
    public required double Mean { get; init; }

    /// <summary>Capability × salience weighted median of the positions after the round.</summary>
    public required double Median { get; init; }

    /// <summary>Names of the actors by id, for the sentences; not serialised as data of its own.</summary>
    internal ImmutableDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The issue's name when the scenario has several issues (the sentences then say which), else <c>null</c>.</summary>
    internal string? IssueName { get; init; }

    /// <inheritdoc />
    public override IEnumerable<string> Describe()
    {
        if (IssueName is not null)
        {
            yield return $"On {IssueName}:";
        }

        var moved = false;
        foreach (var offer in Offers)
        {
            if (offer.Accepted)
            {
                moved = true;
                yield return Sentence(offer);
            }
        }

        if (!moved)
        {
            yield return "No actor accepts an offer; positions stay where they are.";
        }
    }

    private string Sentence(ExpectedUtilityOffer offer)
    {
        var receiver = Names.GetValueOrDefault(offer.To, offer.To);
        var proposer = Names.GetValueOrDefault(offer.From, offer.From);
        var moves = $"moves from {Show(offer.OldPosition)} to {Show(offer.NewPosition)}";
        var eus = $"EU {Eu(offer.ReceiverEu)} against {Eu(offer.ProposerEu)}";
        return offer.Type switch
        {
            "confrontation" => $"{receiver} gives in to {proposer}: it expects to lose a confrontation ({eus}) and {moves}.",
            "compromise" => string.Create(
                CultureInfo.InvariantCulture,
                $"{receiver} compromises with {proposer}: a confrontation would cost it less than {proposer} expects to gain ({eus}), so it concedes {Math.Abs(offer.ReceiverEu / offer.ProposerEu) * 100:0}% of the way and {moves}."),
            _ => $"{receiver} capitulates to {proposer}: it would lose more in a confrontation than {proposer} expects to gain ({eus}) and {moves}.",
        };
    }

    private static string Eu(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Show(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

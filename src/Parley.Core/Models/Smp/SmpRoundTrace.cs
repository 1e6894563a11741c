using System.Collections.Immutable;
using System.Globalization;

namespace Parley.Core.Models.Smp;

/// <summary>One turn of the SMP: challenges, bargains, each actor's chosen bargain, and the new state.</summary>
public sealed record SmpRoundTrace : RoundTrace
{
    /// <summary>Each actor's most advantageous challenge, in actor order (actors without one are absent).</summary>
    public required ImmutableArray<SmpChallenge> Challenges { get; init; }

    /// <summary>The bargains put into the queues, in the order they were formed.</summary>
    public required ImmutableArray<SmpBargain> Bargains { get; init; }

    /// <summary>Actor id → the bargain its queue chose: <c>"status quo"</c> or <c>"initiator:target"</c>.</summary>
    public required ImmutableSortedDictionary<string, string> Choices { get; init; }

    /// <summary>Actor id → coordinates after the turn, one per issue, on the issues' scales.</summary>
    public required ImmutableSortedDictionary<string, ImmutableArray<double>> Positions { get; init; }

    /// <summary>Actor id → probability that its new position prevails.</summary>
    public required ImmutableSortedDictionary<string, double> Probabilities { get; init; }

    /// <summary>Movement this turn over movement in the first turn (KTAB stops below 0.02 from turn 2).</summary>
    public required double Change { get; init; }

    /// <inheritdoc />
    public override IEnumerable<string> Describe()
    {
        foreach (var c in Challenges)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{c.Initiator} challenges {c.Target}: P(win) {c.Probability:F4}, expected gain {c.Gain:+0.0000;-0.0000}");
        }

        foreach (var b in Bargains)
        {
            yield return $"bargain {b.Initiator}:{b.Target}: {b.Initiator} -> {Format(b.InitiatorPosition)}, {b.Target} -> {Format(b.TargetPosition)}";
        }

        foreach (var (actor, position) in Positions)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{actor} takes {Choices[actor]}: now at {Format(position)}, P(prevails) {Probabilities[actor]:F4}");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"change vs first turn {Change:F4}");
    }

    private static string Format(ImmutableArray<double> position) =>
        "(" + string.Join(", ", position.Select(x => x.ToString("F1", CultureInfo.InvariantCulture))) + ")";
}

using System.Collections.Immutable;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// One exchange realised in a round of the <see cref="ExchangeModel"/>: the first actor moves
/// on <see cref="FirstIssue"/> towards the second actor, who in return moves on
/// <see cref="SecondIssue"/> towards the first. Positions are on each issue's own scale.
/// </summary>
public sealed record RealizedExchange
{
    /// <summary>The actor that gives way on <see cref="FirstIssue"/> (and wins on <see cref="SecondIssue"/>).</summary>
    public required string FirstActor { get; init; }

    /// <summary>The issue the first actor moves on: the one it values relatively less.</summary>
    public required string FirstIssue { get; init; }

    /// <summary>The first actor's position on <see cref="FirstIssue"/> before the exchange.</summary>
    public required double FirstFrom { get; init; }

    /// <summary>The first actor's position on <see cref="FirstIssue"/> after the exchange.</summary>
    public required double FirstTo { get; init; }

    /// <summary>The actor that gives way on <see cref="SecondIssue"/> (and wins on <see cref="FirstIssue"/>).</summary>
    public required string SecondActor { get; init; }

    /// <summary>The issue the second actor moves on.</summary>
    public required string SecondIssue { get; init; }

    /// <summary>The second actor's position on <see cref="SecondIssue"/> before the exchange.</summary>
    public required double SecondFrom { get; init; }

    /// <summary>The second actor's position on <see cref="SecondIssue"/> after the exchange.</summary>
    public required double SecondTo { get; init; }

    /// <summary>
    /// The equal gain that ranked the exchange: salience × shift of the outcome, with outcomes
    /// measured on a 0–100 rescaling of each issue (the reference's unit).
    /// </summary>
    public required double Gain { get; init; }

    /// <summary>The first actor's realised gain (equal to <see cref="Gain"/> unless REX is on).</summary>
    public required double FirstGain { get; init; }

    /// <summary>The second actor's realised gain (equal to <see cref="Gain"/> unless REX is on).</summary>
    public required double SecondGain { get; init; }

    /// <summary>What the exchange did to every other actor with stances on both issues.</summary>
    public ImmutableArray<Externality> Externalities { get; init; } = [];
}

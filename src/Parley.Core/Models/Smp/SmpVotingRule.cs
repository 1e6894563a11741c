namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>VotingRule</c>: the vote of weight <c>w</c> on a utility difference <c>Δ</c>.</summary>
public enum SmpVotingRule
{
    /// <summary><c>w · clip(Δ / 10⁻⁸, −1, 1)</c>.</summary>
    Binary,

    /// <summary><c>w (0.8 Δ + 0.2 Binary)</c>.</summary>
    PropBin,

    /// <summary><c>w Δ</c> (KTAB's default; the schema spells it Proportional).</summary>
    Prop,

    /// <summary><c>w (Δ + Δ³) / 2</c>.</summary>
    PropCbc,

    /// <summary><c>w Δ³</c>.</summary>
    Cubic,

    /// <summary><c>w Δ</c> for losses, <c>(2/3) w Δ</c> for gains.</summary>
    ASymProsp,
}

using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Models;

/// <summary>
/// Keeps capabilities within 2⁶⁴ for the models that run capability-weighted sums over many terms
/// (the SMP's votes and coalitions, the exchange model's issue totals): capabilities up to the
/// largest double (10³⁰⁸) would overflow them. When the largest capability exceeds 2⁶⁴ every
/// capability is multiplied by the same power of two, which is exact, so only ratios reach the
/// model, as in the models' equations. Below 2⁶⁴ nothing changes.
/// </summary>
/// <remarks>
/// The exchange model depends on capabilities only through their ratios, so the scaling changes
/// none of its results. KTAB's SMP adds fixed constants (10⁻⁸, 10⁻¹⁰) to capability-weighted
/// coalitions; against a largest capability of 2⁶⁴ ≈ 1.8·10¹⁹ they weigh less than 10⁻²⁷ of it, far
/// below double precision, as they already do for any scenario with capabilities above 10¹⁹.
/// </remarks>
internal static class CapabilityBound
{
    /// <summary>The largest capability a model sees: 2⁶⁴.</summary>
    public const double Largest = 18446744073709551616.0;

    /// <summary>
    /// The power of two to multiply every capability of <paramref name="scenario"/> by: 1 when the
    /// largest is at most <see cref="Largest"/>, else the factor bringing it within it.
    /// </summary>
    public static double FactorFor(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var largest = 0.0;
        foreach (var actor in scenario.Actors)
        {
            largest = Math.Max(largest, actor.Capability ?? 0);
        }

        foreach (var stance in scenario.Stances)
        {
            largest = Math.Max(largest, stance.Capability ?? 0);
        }

        return largest <= Largest ? 1.0 : ExactScale.FactorFor(largest / Largest);
    }

    /// <summary><paramref name="scenario"/> with every capability multiplied by <see cref="FactorFor"/> (the same instance when that is 1).</summary>
    public static Scenario Bounded(Scenario scenario)
    {
        var factor = FactorFor(scenario);
        return factor == 1.0
            ? scenario
            : scenario with
            {
                Actors = [.. scenario.Actors.Select(a => a with { Capability = a.Capability * factor })],
                Stances = [.. scenario.Stances.Select(s => s with { Capability = s.Capability * factor })],
            };
    }
}

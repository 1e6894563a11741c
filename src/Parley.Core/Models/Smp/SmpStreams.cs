using Parley.Core.Numerics;

namespace Parley.Core.Models.Smp;

/// <summary>
/// The SMP's random draws: the project's xoshiro256** generator, one stream per turn, seeded
/// through SplitMix64 from <c>seed ⊕ turn·γ</c> (γ the SplitMix64 golden gamma), so a stochastic
/// run repeats exactly for a seed.
/// </summary>
internal static class SmpStreams
{
    /// <summary>The generator of turn <paramref name="turn"/> (0 for synthetic scenarios).</summary>
    public static Xoshiro256StarStar ForTurn(ulong seed, int turn) =>
        Xoshiro256StarStar.FromSeed(seed ^ ((ulong)turn * SplitMix64.GoldenGamma));

    /// <summary>The index whose cumulative probability first exceeds <paramref name="draw"/> (a uniform draw in [0, 1)); <paramref name="p"/> sums to 1.</summary>
    public static int Select(ReadOnlySpan<double> p, double draw)
    {
        var cumulative = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            cumulative += p[i];
            if (draw < cumulative)
            {
                return i;
            }
        }

        return p.Length - 1;
    }
}

namespace Parley.Core.Numerics;

/// <summary>
/// The xoshiro256** pseudo-random generator: 256 bits of state, period 2²⁵⁶ − 1, passes
/// BigCrush. A mutable value type: copy it and both copies continue the same sequence.
/// Not thread-safe; give each thread, or each Monte Carlo draw, its own stream
/// (<see cref="ForStream"/>).
/// </summary>
/// <remarks>
/// Blackman &amp; Vigna (2021), "Scrambled linear pseudorandom number generators",
/// <i>ACM Transactions on Mathematical Software</i> 47(4): 36; written from the public-domain
/// reference <c>xoshiro256starstar.c</c> (prng.di.unimi.it). Output: <c>rotl(s₁ · 5, 7) · 9</c>;
/// update: <c>t = s₁ ≪ 17; s₂ ^= s₀; s₃ ^= s₁; s₁ ^= s₂; s₀ ^= s₃; s₂ ^= t; s₃ = rotl(s₃, 45)</c>.
/// Seeds are expanded to the four state words by <see cref="SplitMix64"/>, which never yields the
/// all-zero state from one seed.
/// </remarks>
public struct Xoshiro256StarStar
{
    private const double DoubleUnit = 1.0 / (1UL << 53);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates the generator from its four state words, which must not all be zero.</summary>
    /// <exception cref="ArgumentException">All four words are zero (the one state the generator cannot leave).</exception>
    public Xoshiro256StarStar(ulong state0, ulong state1, ulong state2, ulong state3)
    {
        if ((state0 | state1 | state2 | state3) == 0)
        {
            throw new ArgumentException("the xoshiro256** state must not be all zero", nameof(state0));
        }

        s0 = state0;
        s1 = state1;
        s2 = state2;
        s3 = state3;
    }

    /// <summary>The generator whose state is the next four outputs of <see cref="SplitMix64"/> from counter <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var splitMix = new SplitMix64(seed);
        return new Xoshiro256StarStar(splitMix.Next(), splitMix.Next(), splitMix.Next(), splitMix.Next());
    }

    /// <summary>
    /// The independent stream number <paramref name="stream"/> of <paramref name="seed"/> (for
    /// example one Monte Carlo draw): seeded through SplitMix64 from counter
    /// <c>seed ⊕ Mix(stream ⊕ 0x6A09E667F3BCC909)</c>, where Mix is the SplitMix64 output
    /// function. Mixing the stream number scatters the streams' SplitMix64 counters over the
    /// 2⁶⁴ cycle, so that the states of different streams are unrelated; the result depends
    /// only on (seed, stream), never on which thread asks or when.
    /// </summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream) =>
        FromSeed(seed ^ SplitMix64.Mix(stream ^ 0x6A09E667F3BCC909UL));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/> times 2⁻⁵³.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * DoubleUnit;

    /// <summary>A uniform double in (0, 1): never 0 nor 1, for inverse-CDF sampling. (k + ½) · 2⁻⁵³ for the top 53 bits k.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * DoubleUnit;
}

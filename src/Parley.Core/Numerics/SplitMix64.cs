namespace Parley.Core.Numerics;

/// <summary>
/// The SplitMix64 generator: a 64-bit counter advanced by the golden-ratio increment and passed
/// through a bijective mixing function. Used to expand one 64-bit seed into the 256-bit state of
/// <see cref="Xoshiro256StarStar"/>, as its authors recommend.
/// </summary>
/// <remarks>
/// Steele, Lea &amp; Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA '14;
/// the constants are those of Vigna's public-domain reference <c>splitmix64.c</c>
/// (prng.di.unimi.it). From state 0 the first outputs are 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
/// </remarks>
public struct SplitMix64
{
    /// <summary>The increment of the counter: 2⁶⁴ / φ, rounded to odd.</summary>
    public const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong state;

    /// <summary>Creates the generator with counter <paramref name="seed"/>.</summary>
    public SplitMix64(ulong seed)
    {
        state = seed;
    }

    /// <summary>Advances the counter and returns the mixed value.</summary>
    public ulong Next()
    {
        state += GoldenGamma;
        return Mix(state);
    }

    /// <summary>
    /// The SplitMix64 output function (a bijection of 64-bit words with good avalanche):
    /// <c>z ^= z &gt;&gt; 30; z *= 0xBF58476D1CE4E5B9; z ^= z &gt;&gt; 27; z *= 0x94D049BB133111EB; z ^= z &gt;&gt; 31</c>.
    /// </summary>
    public static ulong Mix(ulong value)
    {
        var z = value;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

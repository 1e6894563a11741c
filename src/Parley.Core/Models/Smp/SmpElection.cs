using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Parley.Core.Models.Smp;

/// <summary>
/// KTAB's votes, coalitions, victory probabilities and probabilistic Condorcet elections
/// (<c>kmodel.cpp</c>: <c>Model::vote</c>, <c>coalitions</c>, <c>vProb</c>, <c>condPCE</c>,
/// <c>markovIncentivePCE</c>, <c>markovUniformPCE</c>), written to evaluate in the same order as
/// KTAB so that results agree to the last bit where the reference log needs it.
/// </summary>
internal static class SmpElection
{
    /// <summary>Smallest coalition strength, KTAB's <c>minC</c>: avoids 0/0.</summary>
    public const double MinCoalition = 1e-8;

    /// <summary>The vote of weight <paramref name="weight"/> for <paramref name="u1"/> over <paramref name="u2"/>.</summary>
    public static double Vote(SmpVotingRule rule, double weight, double u1, double u2)
    {
        var du = u1 - u2;
        switch (rule)
        {
            case SmpVotingRule.Prop:
                return weight * du;
            case SmpVotingRule.Binary:
                return weight * Binary(du);
            case SmpVotingRule.PropBin:
                return weight * (((1 - 0.2) * du) + (0.2 * Binary(du)));
            case SmpVotingRule.PropCbc:
                return weight * (((1 - 0.5) * du) + (0.5 * (du * du * du)));
            case SmpVotingRule.Cubic:
                return weight * (du * du * du);
            case SmpVotingRule.ASymProsp:
                if (du < 0.0)
                {
                    return weight * du;
                }

                return du > 0.0 ? (2.0 * weight * du) / 3.0 : 0.0;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown voting rule");
        }
    }

    private static double Binary(double du)
    {
        var response = du / 1e-8;
        response = response > 1 ? 1 : response;
        return response < -1 ? -1 : response;
    }

    /// <summary>
    /// Coalition strengths <c>c[i*m + j] = minC + Σ_k vote_k(i:j)⁺</c> over <paramref name="optionCount"/>
    /// options, for actors voting with <paramref name="weights"/> on <paramref name="utility"/>
    /// (<c>utility[k*m + option]</c>), into
    /// <paramref name="c"/> (m² long). <paramref name="utility"/> may run past its last row: with at
    /// least <see cref="Slack"/> elements more than <c>weights.Length * m</c>, every Prop sum is added
    /// in whole SIMD vectors (lanes past the pair's range are computed and never read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Coalitions(
        SmpVotingRule rule, ReadOnlySpan<double> weights, ReadOnlySpan<double> utility, int optionCount, Span<double> c, SmpElectionBuffers buffers)
    {
        var actorCount = weights.Length;
        var m = optionCount;
        if (rule == SmpVotingRule.Prop)
        {
            // Same arithmetic as the general loop below, with the vote inlined: each (i, j) sum still
            // adds k = 0, 1, 2… in order, a block of j at a time with its sums kept in registers.
            var width = Vector<double>.Count;
            var forward = buffers.Forward(m + width);
            var backward = buffers.Backward(m + width);
            var minimum = new Vector<double>(MinCoalition);
            var zero = Vector<double>.Zero;
            ref var table = ref MemoryMarshal.GetReference(utility);

            // Whole vectors only where every row's read stays inside the table (its slack included).
            var lastRowEnd = actorCount > 0 ? utility.Length - ((actorCount - 1) * m) : 0;
            for (var i = 0; i < m; i++)
            {
                var j = 0;
                if (Vector.IsHardwareAccelerated)
                {
                    // A last vector reaching past i fills forward/backward cells from i on, which
                    // this i never reads and the next one refills. Adding +0 leaves a positive sum
                    // unchanged, so max/min give the branches' bits. MaxNative/MinNative are the
                    // processor's one-instruction max and min; they differ from Max/Min (three
                    // instructions each on AVX-512) only in a zero's sign and for NaN, where a sum
                    // that starts at minC > 0 is the same either way (and NaN is then ignored, as in
                    // the branches).
                    var whole = Math.Min(i, lastRowEnd - width + 1);
                    for (; j < whole; j += width)
                    {
                        var f = minimum;
                        var b = minimum;
                        for (var k = 0; k < actorCount; k++)
                        {
                            var row = k * m;
                            var v = new Vector<double>(weights[k]) * (new Vector<double>(Unsafe.Add(ref table, row + i)) - Vector.LoadUnsafe(ref table, (nuint)(row + j)));
                            f += Vector.MaxNative(v, zero);
                            b -= Vector.MinNative(v, zero);
                        }

                        f.CopyTo(forward, j);
                        b.CopyTo(backward, j);
                    }
                }

                for (; j < i; j++)
                {
                    var f = MinCoalition;
                    var b = MinCoalition;
                    for (var k = 0; k < actorCount; k++)
                    {
                        var v = weights[k] * (utility[(k * m) + i] - utility[(k * m) + j]);
                        if (v > 0)
                        {
                            f += v;
                        }

                        if (v < 0)
                        {
                            b -= v;
                        }
                    }

                    forward[j] = f;
                    backward[j] = b;
                }

                for (j = 0; j < i; j++)
                {
                    c[(i * m) + j] = forward[j];
                    c[(j * m) + i] = backward[j];
                }

                c[(i * m) + i] = MinCoalition;
            }

            return;
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var cij = MinCoalition;
                var cji = MinCoalition;
                for (var k = 0; k < actorCount; k++)
                {
                    var v = Vote(rule, weights[k], utility[(k * m) + i], utility[(k * m) + j]);
                    if (v > 0)
                    {
                        cij += v;
                    }

                    if (v < 0)
                    {
                        cji -= v;
                    }
                }

                c[(i * m) + j] = cij;
                c[(j * m) + i] = cji;
            }

            c[(i * m) + i] = MinCoalition;
        }
    }

    /// <summary>Elements a utility table needs past its last row for <see cref="Coalitions(SmpVotingRule, ReadOnlySpan{double}, ReadOnlySpan{double}, int, Span{double}, SmpElectionBuffers)"/> to use whole vectors only.</summary>
    public static int Slack => Vector<double>.Count;

    /// <summary>KTAB's <c>vProb</c> for one pair of strengths: (P(1 beats 2), P(2 beats 1)).</summary>
    public static (double First, double Second) VictoryProbability(SmpVictoryProbModel model, double s1, double s2)
    {
        double x1, x2;
        switch (model)
        {
            case SmpVictoryProbModel.Linear:
                x1 = s1;
                x2 = s2;
                break;
            case SmpVictoryProbModel.Square:
                x1 = s1 * s1;
                x2 = s2 * s2;
                break;
            case SmpVictoryProbModel.Quartic:
                x1 = Quartic(s1);
                x2 = Quartic(s2);
                break;
            case SmpVictoryProbModel.Octic:
                x1 = Quartic(s1) * Quartic(s1);
                x2 = Quartic(s2) * Quartic(s2);
                break;
            case SmpVictoryProbModel.Binary:
                const double Threshold = 1.10;
                const double MinX = 1e-6;
                if (s1 >= Threshold * s2)
                {
                    x1 = 1.0;
                    x2 = MinX;
                }
                else if (s2 >= Threshold * s1)
                {
                    x1 = MinX;
                    x2 = 1.0;
                }
                else
                {
                    var r12 = s1 / (s1 + s2);
                    var p12 = ((r12 * (Threshold + 1.0)) - 1.0) / (Threshold - 1.0);
                    x1 = p12;
                    x2 = 1 - p12;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "unknown victory probability model");
        }

        return (x1 / (x1 + x2), x2 / (x1 + x2));
    }

    private static double Quartic(double x)
    {
        var square = x * x;
        return square * square;
    }

    /// <summary>The square matrix of P(i beats j) from coalition strengths into <paramref name="p"/> (m² long); the diagonal is 1/2.</summary>
    public static void VictoryMatrix(SmpVictoryProbModel model, ReadOnlySpan<double> coalitions, int m, Span<double> p)
    {
        if (model == SmpVictoryProbModel.Linear)
        {
            // VictoryProbability's Linear case inlined (x = s): the same divisions, no switch per pair.
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    var s1 = coalitions[(i * m) + j];
                    var s2 = coalitions[(j * m) + i];
                    p[(i * m) + j] = s1 / (s1 + s2);
                    p[(j * m) + i] = s2 / (s1 + s2);
                }

                p[(i * m) + i] = 0.5;
            }

            return;
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (first, second) = VictoryProbability(model, coalitions[(i * m) + j], coalitions[(j * m) + i]);
                p[(i * m) + j] = first;
                p[(j * m) + i] = second;
            }

            p[(i * m) + i] = 0.5;
        }
    }

    /// <summary>
    /// KTAB's <c>scalarPCE</c>: the probability of each of <paramref name="optionCount"/> options
    /// when actors vote with <paramref name="weights"/> on <paramref name="utility"/>,
    /// into <paramref name="probabilities"/> (m long), working in <paramref name="buffers"/>;
    /// <paramref name="utility"/> may have <see cref="Slack"/> elements past its last row.
    /// </summary>
    public static void ScalarPce(
        SmpVotingRule rule, SmpVictoryProbModel victory, SmpPceModel pce,
        ReadOnlySpan<double> weights, ReadOnlySpan<double> utility, int optionCount, Span<double> probabilities, SmpElectionBuffers buffers)
    {
        var coalitions = buffers.Coalitions(optionCount * optionCount);
        Coalitions(rule, weights, utility, optionCount, coalitions, buffers);
        Pce(pce, victory, coalitions, optionCount, probabilities, buffers);
    }

    /// <summary>KTAB's <c>probCE2</c>: option probabilities from coalition strengths, into <paramref name="probabilities"/> (m long), working in <paramref name="buffers"/>.</summary>
    public static void Pce(SmpPceModel pce, SmpVictoryProbModel victory, double[] coalitions, int m, Span<double> probabilities, SmpElectionBuffers buffers)
    {
        var victoryMatrix = buffers.Victory(m * m);
        VictoryMatrix(victory, coalitions, m, victoryMatrix);
        switch (pce)
        {
            case SmpPceModel.Conditional:
                Conditional(victoryMatrix, m, probabilities);
                break;
            case SmpPceModel.MarkovIncentive:
                MarkovIncentive(coalitions, victoryMatrix, m).CopyTo(probabilities);
                break;
            case SmpPceModel.MarkovUniform:
                MarkovUniform(victoryMatrix, m).CopyTo(probabilities);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(pce), pce, "unknown PCE model");
        }
    }

    private static void Conditional(double[] pv, int m, Span<double> p)
    {
        for (var i = 0; i < m; i++)
        {
            var product = 1.0;
            for (var j = 0; j < m; j++)
            {
                product *= pv[(i * m) + j];
            }

            p[i] = product;
        }

        var total = 0.0;
        foreach (var x in p)
        {
            total += x;
        }

        for (var i = 0; i < m; i++)
        {
            p[i] /= total;
        }
    }

    private const int MaxMarkovIterations = 1000;

    private static double[] MarkovIncentive(double[] coalitions, double[] pv, int m)
    {
        var incentive = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var value = coalitions[(i * m) + j] * pv[(i * m) + j];
                incentive[(i * m) + j] = i == j ? value + 1e-10 : value;
            }
        }

        var challenge = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < m; k++)
                {
                    sum += incentive[(k * m) + j];
                }

                challenge[(i * m) + j] = incentive[(i * m) + j] / sum;
            }
        }

        var p = Uniform(m);
        var q = new double[m];
        var ct = new double[m * m];
        var change = 1.0;
        for (var iteration = 0; change > 1e-8 && iteration < MaxMarkovIterations; iteration++)
        {
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    ct[(i * m) + j] = p[i] * challenge[(j * m) + i];
                }
            }

            change = 0.0;
            for (var i = 0; i < m; i++)
            {
                var qi = 0.0;
                for (var j = 0; j < m; j++)
                {
                    qi += pv[(i * m) + j] * (ct[(i * m) + j] + ct[(j * m) + i]);
                }

                q[i] = qi;
                var c = Math.Abs(qi - p[i]);
                change = c > change ? c : change;
            }

            for (var i = 0; i < m; i++)
            {
                p[i] = (p[i] + q[i]) / 2.0;
            }
        }

        return p;
    }

    private static double[] MarkovUniform(double[] pv, int m)
    {
        var p = Uniform(m);
        var q = new double[m];
        var change = 1.0;
        for (var iteration = 0; change > 1e-6 && iteration < MaxMarkovIterations; iteration++)
        {
            change = 0;
            for (var i = 0; i < m; i++)
            {
                var pi = 0.0;
                for (var j = 0; j < m; j++)
                {
                    pi += pv[(i * m) + j] * (p[i] + p[j]);
                }

                q[i] = pi / m;
                var c = Math.Abs(q[i] - p[i]);
                change = c > change ? c : change;
            }

            for (var i = 0; i < m; i++)
            {
                p[i] = (p[i] + q[i]) / 2.0;
            }
        }

        return p;
    }

    private static double[] Uniform(int m)
    {
        var p = new double[m];
        Array.Fill(p, 1.0 / m);
        return p;
    }
}

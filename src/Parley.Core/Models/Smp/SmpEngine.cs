using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Parley.Core.Models.Smp;

/// <summary>
/// The numeric core of KTAB's SMP on normalised coordinates (every dimension on [0, 1], saliences
/// in [0, 1]). One <see cref="SmpEngine"/> holds the actors; <see cref="SmpState"/> holds one turn's
/// positions and everything assessed from them.
/// </summary>
/// <remarks>
/// KTAB spends most of its time re-estimating the same votes: for every challenger it evaluates
/// every estimator's view of every contest (an O(N⁴) table written to its database) and keeps
/// N³ utilities. The model itself needs only the challenger's own view of its N − 1 possible
/// contests (O(N²) each), so this engine computes utilities on the fly from one N × N distance
/// matrix and evaluates each contest once: O(N³) per turn, O(N²) memory. Every formula keeps
/// KTAB's order of operations so that bargains, which KTAB rounds to 4 decimals, round alike.
/// </remarks>
internal sealed class SmpEngine
{
    private const double MinChallengeCoalition = 1e-10;
    private const double MinSignificantGain = 1e-5;
    private const double PositionTolerance = 1e-3;
    private const double MinBargainWeight = 1e-6;

    private readonly double[] capability;
    private readonly double[] salience;
    // Σ_d s_jd per actor, to paddedCount (zeros past the last actor), so that the contests' values run in whole vectors.
    private readonly double[] salienceSum;
    private readonly double[] contestWeight;

    // Σ_d s_id² per actor (the denominator of every distance from i), and the saliences by
    // dimension, [d * paddedCount + i], for distances to several actors per SIMD instruction.
    private readonly double[] salienceSquareSum;
    private readonly double[] salienceByDimension;
    private readonly double[]? accommodation;

    // ActorCount rounded up to a whole number of SIMD vectors: per-target arrays of the challenge loop
    // are this long so that every contest is in a full vector (the lanes past the last actor compute
    // values nobody reads), and the N x N matrices carry that much slack after their last row.
    private readonly int paddedCount;

    // Whether the challenge loop runs eight lanes per instruction (AVX-512); paddedCount is then a multiple of 8.
    private readonly bool wide;

    // Whether the whole-vector paths run at all (false: the scalar reference, for tests); each gives the scalar path's bits.
    private readonly bool simd;

    // The N x N matrices of the last state released (Release), reused by the next Assess so that a
    // run allocates two sets rather than one per turn; and Assess's own risk-neutral utilities.
    // Assess runs on one thread at a time for an engine (one engine per model run).
    private double[][]? spareMatrices;
    private double[]? neutralScratch;

    // The elections' working arrays, the unique positions' utility table and the queues' utility
    // table and probabilities, reused across states and turns (same thread, as above).
    private readonly SmpElectionBuffers electionBuffers = new();
    private double[] uniqueUtilityScratch = [];
    private double[] optionProbabilityScratch = [];
    private double[] queueUtilityScratch = [];
    private double[] bargainUtilityScratch = [];
    private int[] queueScratch = [];
    private int[] partyScratch = [];
    private double[] separationScratch = [];
    private (int Target, double Probability, double Gain)?[] bestScratch = [];
    private double[]? challengeScratch;

    /// <param name="capability">Each actor's capability.</param>
    /// <param name="salience">Each actor's salience per dimension, <c>[actor * dimensions + d]</c>.</param>
    /// <param name="dimensions">The number of dimensions.</param>
    /// <param name="parameters">KTAB's model parameters.</param>
    /// <param name="wideVectors">
    /// Whether the challenge loop may use 512-bit vectors where the processor has them (false: the
    /// machine's <see cref="Vector{T}"/> width); both give the scalar path's bits.
    /// </param>
    /// <param name="vectorised">
    /// Whether any SIMD path may run (false: every loop scalar, the reference the vector paths are
    /// tested against); both give the same bits.
    /// </param>
    public SmpEngine(double[] capability, double[] salience, int dimensions, SmpParameters parameters, bool wideVectors = true, bool vectorised = true)
    {
        ArgumentNullException.ThrowIfNull(capability);
        ArgumentNullException.ThrowIfNull(salience);
        ArgumentNullException.ThrowIfNull(parameters);
        if (salience.Length != capability.Length * dimensions)
        {
            throw new ArgumentException("salience needs one value per actor and dimension", nameof(salience));
        }

        ActorCount = capability.Length;
        Dimensions = dimensions;
        Parameters = parameters;
        this.capability = capability;
        this.salience = salience;
        simd = vectorised && Vector.IsHardwareAccelerated;
        wide = simd && wideVectors && Vector512.IsHardwareAccelerated;
        var width = wide ? Vector512<double>.Count : Vector.IsHardwareAccelerated ? Vector<double>.Count : 1;
        paddedCount = (ActorCount + width - 1) / width * width;
        salienceSum = new double[paddedCount];
        contestWeight = new double[paddedCount];
        salienceSquareSum = new double[paddedCount];
        salienceByDimension = new double[dimensions * paddedCount];
        for (var i = 0; i < ActorCount; i++)
        {
            var sum = 0.0;
            var squares = 0.0;
            for (var d = 0; d < dimensions; d++)
            {
                var s = salience[(i * dimensions) + d];
                sum += s;
                squares += s * s;
                salienceByDimension[(d * paddedCount) + i] = s;
            }

            salienceSum[i] = sum;
            salienceSquareSum[i] = squares;
            contestWeight[i] = sum * capability[i];
        }

        if (!parameters.IdealAdjustment.IsEmpty)
        {
            accommodation = new double[ActorCount * ActorCount];
            for (var i = 0; i < ActorCount; i++)
            {
                accommodation[(i * ActorCount) + i] = 1.0;
            }

            foreach (var (adjusting, reference, rate) in parameters.IdealAdjustment)
            {
                accommodation[(adjusting * ActorCount) + reference] = rate;
            }
        }
    }

    public int ActorCount { get; }

    public int Dimensions { get; }

    public SmpParameters Parameters { get; }

    /// <summary>Length of a state's N × N matrices: row-major, then slack for a full vector read from any row's start.</summary>
    private int MatrixLength => (ActorCount * ActorCount) + paddedCount;

    public ReadOnlySpan<double> Capability => capability;

    /// <summary>The first state: ideals at the positions, assessed.</summary>
    public SmpState Start(double[] positions)
    {
        var state = new SmpState(positions, (double[])positions.Clone());
        Assess(state);
        return state;
    }

    /// <summary>
    /// Drops <paramref name="state"/>'s N × N matrices once it has been stepped from (a long run keeps
    /// only positions and probabilities) and keeps them for the next state's assessment, which
    /// overwrites every element. The caller must not read the state's matrices afterwards.
    /// </summary>
    public void Release(SmpState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var matrices = new[] { state.Diff, state.DiffT, state.OwnUtility, state.OwnUtilityT };
        state.ReleaseMatrices();
        var size = MatrixLength;
        spareMatrices = Array.TrueForAll(matrices, m => m.Length == size) ? matrices : null;
    }

    /// <summary>
    /// KTAB's weighted distance from actor i's ideal to actor j's position,
    /// <c>d_ij = sqrt(Σ_d (s_id (q_id − x_jd))² / Σ_d s_id²)</c> (<c>SMPModel::bvDiff</c>).
    /// An actor with no salience at all is indifferent: distance 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Distance(ReadOnlySpan<double> from, int salienceOf, ReadOnlySpan<double> to)
    {
        var dsSquare = 0.0;
        var offset = salienceOf * Dimensions;
        for (var d = 0; d < Dimensions; d++)
        {
            var ds = (from[d] - to[d]) * salience[offset + d];
            dsSquare += ds * ds;
        }

        // Σ_d s_id², summed in the same order once per run.
        var sSquare = salienceSquareSum[salienceOf];
        return sSquare > 0 ? Math.Sqrt(dsSquare / sSquare) : 0.0;
    }

    /// <summary>KTAB's utility of distance <paramref name="distance"/> at risk attitude <paramref name="risk"/>: <c>(1 − d)(1 + d R)</c>.</summary>
    internal static double Utility(double distance, double risk) =>
        distance <= 1 ? (1 - distance) * (1 + (distance * risk)) : (1 - distance) * (1 + risk);

    /// <summary><see cref="Utility(double, double)"/> lane by lane: the same operations in the same order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Utility(Vector<double> distance, Vector<double> risk)
    {
        var one = Vector<double>.One;
        var near = one - distance;
        return Vector.ConditionalSelect(Vector.LessThanOrEqual(distance, one), near * (one + (distance * risk)), near * (one + risk));
    }

    /// <summary>h's estimate of i's risk attitude, <c>r^h_i</c> (<c>Model::estNRA</c>).</summary>
    private double EstimatedRisk(double riskH, double riskI) => Parameters.BigRAdjust switch
    {
        SmpBigRAdjust.Full => riskI,
        SmpBigRAdjust.TwoThirds => (riskH + (2.0 * riskI)) / 3.0,
        SmpBigRAdjust.Half => (riskH + riskI) / 2,
        SmpBigRAdjust.OneThird => ((2.0 * riskH) + riskI) / 3.0,
        SmpBigRAdjust.None => riskH,
        _ => throw new InvalidOperationException("unknown BigRAdjust"),
    };

    /// <summary>
    /// Everything KTAB's <c>setAllAUtil</c> and <c>setUENdx</c> derive from a state's positions:
    /// distances, the risk-neutral election and risk attitudes, own utilities, the unique positions
    /// and their probabilities (<c>pDist(-1)</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Assess(SmpState state)
    {
        var n = ActorCount;
        var dims = Dimensions;
        var spare = spareMatrices;
        spareMatrices = null;
        var diff = spare?[0] ?? new double[MatrixLength];
        var diffT = spare?[1] ?? new double[MatrixLength];
        var byDimension = new double[dims * paddedCount];
        for (var a = 0; a < n; a++)
        {
            for (var d = 0; d < dims; d++)
            {
                byDimension[(d * paddedCount) + a] = state.Positions[(a * dims) + d];
            }
        }

        state.PositionsByDimension = byDimension;
        for (var i = 0; i < n; i++)
        {
            var ideal = state.Ideals.AsSpan(i * dims, dims);
            if (simd)
            {
                DistancesFrom(ideal, i, byDimension, diff.AsSpan(i * n, paddedCount));
            }
            else
            {
                for (var j = 0; j < n; j++)
                {
                    diff[(i * n) + j] = Distance(ideal, i, state.Positions.AsSpan(j * dims, dims));
                }
            }

            for (var j = 0; j < n; j++)
            {
                diffT[(j * n) + i] = diff[(i * n) + j];
            }
        }

        state.Diff = diff;
        state.DiffT = diffT;
        var ownDistance = new double[paddedCount];
        for (var a = 0; a < n; a++)
        {
            ownDistance[a] = diff[(a * n) + a];
        }

        state.OwnDistance = ownDistance;

        var neutral = neutralScratch ??= new double[MatrixLength];
        if (simd)
        {
            // The whole matrix as one array: every element's utility at R = 0, whole vectors into the slack.
            var width = Vector<double>.Count;
            var zero = Vector<double>.Zero;
            for (var e = 0; e < n * n; e += width)
            {
                Utility(new Vector<double>(diff, e), zero).CopyTo(neutral, e);
            }
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                for (var j = 0; j < n; j++)
                {
                    neutral[(k * n) + j] = Utility(diff[(k * n) + j], 0.0);
                }
            }
        }

        var coalitions = electionBuffers.Coalitions(n * n);
        SmpElection.Coalitions(Parameters.VotingRule, capability, neutral, n, coalitions, electionBuffers);
        var neutralProbability = OptionProbabilities(n);
        SmpElection.Pce(Parameters.PceModel, Parameters.VictoryProbModel, coalitions, n, neutralProbability, electionBuffers);
        state.Risk = RiskFromProbability(neutralProbability);

        var own = spare?[2] ?? new double[MatrixLength];
        for (var a = 0; a < n; a++)
        {
            var r = EstimatedRisk(state.Risk[a], state.Risk[a]);
            var j = 0;
            if (simd)
            {
                // Rows in order: a vector running past row a's end writes row a + 1's first cells
                // (or the slack), which the next row then overwrites.
                var width = Vector<double>.Count;
                var risk = new Vector<double>(r);
                for (; j < n; j += width)
                {
                    Utility(new Vector<double>(diff, (a * n) + j), risk).CopyTo(own, (a * n) + j);
                }
            }

            for (; j < n; j++)
            {
                own[(a * n) + j] = Utility(diff[(a * n) + j], r);
            }
        }

        state.OwnUtility = own;
        var ownT = spare?[3] ?? new double[MatrixLength];
        for (var a = 0; a < n; a++)
        {
            for (var j = 0; j < n; j++)
            {
                ownT[(j * n) + a] = own[(a * n) + j];
            }
        }

        state.OwnUtilityT = ownT;

        var separation = Separations(state);
        var unique = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var found = false;
            foreach (var u in unique)
            {
                if (separation[(i * paddedCount) + u] < PositionTolerance)
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                unique.Add(i);
            }
        }

        state.UniqueIndices = [.. unique];
        var m = unique.Count;
        var uniqueUtility = SmpElectionBuffers.Grow(ref uniqueUtilityScratch, (n * m) + SmpElection.Slack);
        for (var i = 0; i < n; i++)
        {
            for (var u = 0; u < m; u++)
            {
                uniqueUtility[(i * m) + u] = own[(i * n) + unique[u]];
            }
        }

        var uniqueProbability = new double[m];
        SmpElection.ScalarPce(SmpVotingRule.Prop, Parameters.VictoryProbModel, Parameters.PceModel, capability, uniqueUtility, m, uniqueProbability, electionBuffers);
        state.UniqueProbability = uniqueProbability;
        var actorProbability = new double[n];
        var actorUnique = new int[n];
        for (var i = 0; i < n; i++)
        {
            // KTAB's posProb keeps the last equivalent unique position.
            var last = 0;
            for (var u = 0; u < m; u++)
            {
                if (separation[(i * paddedCount) + unique[u]] < PositionTolerance)
                {
                    last = u;
                }
            }

            actorUnique[i] = last;
            actorProbability[i] = state.UniqueProbability[last];
        }

        state.ActorProbability = actorProbability;
        state.ActorUnique = actorUnique;
    }

    /// <summary>The first <paramref name="count"/> elements of the reused probabilities array.</summary>
    private Span<double> OptionProbabilities(int count) => SmpElectionBuffers.Grow(ref optionProbabilityScratch, count).AsSpan(0, count);

    /// <summary>
    /// <see cref="Distance"/> from <paramref name="ideal"/> (actor i's saliences) to every actor's
    /// position at once, several per SIMD instruction, into <paramref name="distances"/>
    /// (<see cref="paddedCount"/> long; the lanes past the last actor are written and never read).
    /// Same operations per lane, same order over dimensions: the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DistancesFrom(ReadOnlySpan<double> ideal, int i, ReadOnlySpan<double> positionsByDimension, Span<double> distances)
    {
        var sSquare = salienceSquareSum[i];
        if (!(sSquare > 0))
        {
            distances.Clear();
            return;
        }

        var width = Vector<double>.Count;
        var squares = new Vector<double>(sSquare);
        for (var j = 0; j < distances.Length; j += width)
        {
            var dsSquare = Vector<double>.Zero;
            for (var d = 0; d < Dimensions; d++)
            {
                var ds = (new Vector<double>(ideal[d]) - new Vector<double>(positionsByDimension[((d * paddedCount) + j)..]))
                    * new Vector<double>(salience[(i * Dimensions) + d]);
                dsSquare += ds * ds;
            }

            Vector.SquareRoot(dsSquare / squares).CopyTo(distances[j..]);
        }
    }

    /// <summary>
    /// The Euclidean distance between every two actors' positions, <c>[i * paddedCount + j]</c>, in a
    /// reused array: positions nearer than <see cref="PositionTolerance"/> are one (KTAB's
    /// <c>equivNdx</c>). Several j per SIMD instruction, each summing its dimensions in order; the
    /// squared difference is the same either way round, so row i serves both i:j and j:i.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double[] Separations(SmpState state)
    {
        var n = ActorCount;
        var np = paddedCount;
        var separation = SmpElectionBuffers.Grow(ref separationScratch, n * np);
        var byDimension = state.PositionsByDimension;
        for (var i = 0; i < n; i++)
        {
            var j = 0;
            if (simd)
            {
                for (; j < np; j += Vector<double>.Count)
                {
                    var sum = Vector<double>.Zero;
                    for (var d = 0; d < Dimensions; d++)
                    {
                        var x = new Vector<double>(state.Positions[(i * Dimensions) + d]) - new Vector<double>(byDimension, (d * np) + j);
                        sum += x * x;
                    }

                    Vector.SquareRoot(sum).CopyTo(separation, (i * np) + j);
                }
            }

            for (; j < n; j++)
            {
                var sum = 0.0;
                for (var d = 0; d < Dimensions; d++)
                {
                    var x = state.Positions[(i * Dimensions) + d] - state.Positions[(j * Dimensions) + d];
                    sum += x * x;
                }

                separation[(i * np) + j] = Math.Sqrt(sum);
            }
        }

        return separation;
    }

    /// <summary>
    /// KTAB's <c>bigRfromProb</c>. When every position is equally likely (KTAB divides by zero
    /// there and the run dies) every actor is taken as risk-neutral.
    /// </summary>
    private double[] RiskFromProbability(ReadOnlySpan<double> p)
    {
        var pMin = 1.0;
        var pMax = 0.0;
        foreach (var pi in p)
        {
            pMin = pi < pMin ? pi : pMin;
            pMax = pi > pMax ? pi : pMax;
        }

        var risk = new double[paddedCount];
        if (!(pMax - pMin > 0))
        {
            return risk;
        }

        for (var i = 0; i < p.Length; i++)
        {
            risk[i] = Parameters.BigRRange switch
            {
                SmpBigRRange.Min => (p[i] - pMin) / (pMax - pMin),
                SmpBigRRange.Mid => ((3 * p[i]) - (pMax + (2 * pMin))) / (2 * (pMax - pMin)),
                SmpBigRRange.Max => ((2 * p[i]) - (pMax + pMin)) / (pMax - pMin),
                _ => throw new InvalidOperationException("unknown BigRRange"),
            };
        }

        return risk;
    }

    /// <summary>h's estimated utility to actor a of actor b's position, <c>U^h(a, b)</c>.</summary>
    private double EstimatedUtility(SmpState state, int h, int a, int b) =>
        Utility(state.Diff[(a * ActorCount) + b], EstimatedRisk(state.Risk[h], state.Risk[a]));

    /// <summary>
    /// KTAB's <c>probEduChlg</c>: h's estimate of the probability that i beats j and of the change
    /// in k's expected utility if i challenges j, compared to the status quo.
    /// </summary>
    public (double Probability, double Gain) EstimateChallenge(SmpState state, int h, int k, int i, int j)
    {
        var n = ActorCount;
        var rule = Parameters.VotingRule;
        var uii = EstimatedUtility(state, h, i, i);
        var uij = EstimatedUtility(state, h, i, j);
        var uji = EstimatedUtility(state, h, j, i);
        var ujj = EstimatedUtility(state, h, j, j);
        var uki = EstimatedUtility(state, h, k, i);
        var ukj = EstimatedUtility(state, h, k, j);
        var (cij, cji) = PrincipalCoalitions(rule, i, j, uii, uij, uji, ujj);
        var c0ij = cij;
        var c0ji = cji;
        for (var m = 0; m < n; m++)
        {
            if (m == i || m == j)
            {
                continue;
            }

            var vote = ThirdPartyVote(rule, contestWeight[m], c0ij, c0ji,
                EstimatedUtility(state, h, m, i), EstimatedUtility(state, h, m, j), EstimatedUtility(state, h, m, m));
            cij = vote > 0 ? cij + vote : cij;
            cji = vote < 0 ? cji - vote : cji;
        }

        return ChallengeValue(cij, cji, salienceSum[j], uki, ukj);
    }

    private (double Cij, double Cji) PrincipalCoalitions(SmpVotingRule rule, int i, int j, double uii, double uij, double uji, double ujj)
    {
        var contributionI = SmpElection.Vote(rule, contestWeight[i], uii, uij);
        var contributionJ = SmpElection.Vote(rule, contestWeight[j], uji, ujj);
        var cij = MinChallengeCoalition;
        var cji = MinChallengeCoalition;
        if (contributionI > 0.0)
        {
            cij += contributionI;
        }

        if (contributionI < 0.0)
        {
            cji -= contributionI;
        }

        if (contributionJ > 0.0)
        {
            cij += contributionJ;
        }

        if (contributionJ < 0.0)
        {
            cji -= contributionJ;
        }

        return (cij, cji);
    }

    /// <summary>
    /// A third party's vote in the contest i:j (<c>Actor::vProbLittle</c> then
    /// <c>Actor::thirdPartyVoteSU</c>): it judges the odds of the little contest of the two
    /// principals and itself, then votes between joining i and joining j.
    /// </summary>
    private double ThirdPartyVote(SmpVotingRule rule, double weight, double c0ij, double c0ji, double uni, double unj, double unn)
    {
        var own = SmpElection.Vote(rule, weight, uni, unj);
        var cni = own > 0 ? c0ij + own : c0ij;
        var cnj = own < 0 ? c0ji - own : c0ji;
        var pin = cni / (cni + cnj);
        var pjn = 1.0 - pin;
        double ikBeatsJ, jBeatsIk, iBeatsJk, jkBeatsI;
        switch (Parameters.ThirdPartyCommit)
        {
            case SmpThirdPartyCommit.FullCommit:
                ikBeatsJ = uni + uni + uni;
                jBeatsIk = unj + unj + unj;
                iBeatsJk = uni + uni + uni;
                jkBeatsI = unj + unj + unj;
                break;
            case SmpThirdPartyCommit.SemiCommit:
                ikBeatsJ = uni + uni + unn;
                jBeatsIk = unj + unj + unj;
                iBeatsJk = uni + uni + uni;
                jkBeatsI = unj + unj + unn;
                break;
            default:
                ikBeatsJ = uni + uni + unn;
                jBeatsIk = unj + unj + unn;
                iBeatsJk = uni + uni + unn;
                jkBeatsI = unj + unj + unn;
                break;
        }

        var joinI = (pin * ikBeatsJ) + (pjn * jBeatsIk);
        var joinJ = (pin * iBeatsJk) + (pjn * jkBeatsI);
        return SmpElection.Vote(rule, weight, joinI, joinJ);
    }

    private static (double Probability, double Gain) ChallengeValue(double cij, double cji, double targetSalience, double uki, double ukj)
    {
        var pij = cij / (cij + cji);
        var pji = cji / (cij + cji);
        var statusQuo = uki + ukj;
        var victory = uki + uki;
        var defeat = ukj + ukj;
        var contest = (pij * victory) + (pji * defeat);
        var challenge = ((1 - targetSalience) * victory) + (targetSalience * contest);
        return (pij, challenge - statusQuo);
    }

    /// <summary>Scratch space for <see cref="BestChallenge"/>: one per thread.</summary>
    public double[] NewScratch() => new double[10 * paddedCount];

    /// <summary>
    /// Actor i's most advantageous target in its own view (KTAB's <c>bestChallenge</c>): the j with
    /// the largest expected gain above 10⁻⁵, first j on ties; <c>null</c> when none.
    /// </summary>
    /// <param name="state">The state.</param>
    /// <param name="i">The challenger.</param>
    /// <param name="scratch">Space from <see cref="NewScratch"/>, not shared between threads.</param>
    /// <param name="vectorised">
    /// Whether the default voting rule and commitment (Prop, SemiCommit) may use the SIMD path; it
    /// gives the same bits as the scalar path (same operations per lane, each contest's votes
    /// summed in actor order).
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Target, double Probability, double Gain)? BestChallenge(SmpState state, int i, double[] scratch, bool vectorised = true)
    {
        var n = ActorCount;
        var np = paddedCount;
        var rule = Parameters.VotingRule;
        var risk = scratch.AsSpan(0, np);
        var utilityOfI = scratch.AsSpan(np, np);
        var utilityOfOwn = scratch.AsSpan(2 * np, np);
        var joinIWins = scratch.AsSpan(3 * np, np);
        var staySafe = scratch.AsSpan(4 * np, np);
        var c0ij = scratch.AsSpan(5 * np, np);
        var c0ji = scratch.AsSpan(6 * np, np);
        var cij = scratch.AsSpan(7 * np, np);
        var cji = scratch.AsSpan(8 * np, np);
        var uij = scratch.AsSpan(9 * np, np);
        var diffT = state.DiffT;
        var diff = state.Diff;
        var riskOfI = state.Risk[i];
        if (vectorised && this.simd)
        {
            ThirdPartyUtilities(state, i, risk, utilityOfI, utilityOfOwn, joinIWins, staySafe);
        }
        else
        {
            for (var m = 0; m < n; m++)
            {
                risk[m] = EstimatedRisk(riskOfI, state.Risk[m]);
                utilityOfI[m] = Utility(diffT[(i * n) + m], risk[m]);
                utilityOfOwn[m] = Utility(diff[(m * n) + m], risk[m]);
                joinIWins[m] = utilityOfI[m] + utilityOfI[m] + utilityOfOwn[m];
                staySafe[m] = utilityOfI[m] + utilityOfI[m] + utilityOfI[m];
            }
        }

        var uii = utilityOfI[i];
        var simd = vectorised && this.simd
            && rule == SmpVotingRule.Prop && Parameters.ThirdPartyCommit == SmpThirdPartyCommit.SemiCommit;
        if (simd)
        {
            PropPrincipalCoalitions(i, diff.AsSpan(i * n, np), risk[i], uii, utilityOfI, utilityOfOwn, uij, c0ij, c0ji);
        }
        else
        {
            for (var j = 0; j < n; j++)
            {
                uij[j] = Utility(diff[(i * n) + j], risk[i]);
                (c0ij[j], c0ji[j]) = PrincipalCoalitions(rule, i, j, uii, uij[j], utilityOfI[j], utilityOfOwn[j]);
            }
        }

        if (simd && wide)
        {
            PropSemiCommitVotes512(i, diff, risk, utilityOfI, utilityOfOwn, joinIWins, staySafe, c0ij, c0ji, cij, cji);
        }
        else if (simd)
        {
            c0ij.CopyTo(cij);
            c0ji.CopyTo(cji);
            for (var m = 0; m < n; m++)
            {
                if (m != i)
                {
                    AddPropSemiCommitVotes(m, diff.AsSpan(m * n, np), risk[m], utilityOfI[m], utilityOfOwn[m], joinIWins[m], staySafe[m], c0ij, c0ji, cij, cji);
                }
            }
        }
        else
        {
            c0ij.CopyTo(cij);
            c0ji.CopyTo(cji);
            for (var j = 0; j < n; j++)
            {
                for (var m = 0; m < n; m++)
                {
                    if (m == i || m == j)
                    {
                        continue;
                    }

                    var vote = ThirdPartyVote(rule, contestWeight[m], c0ij[j], c0ji[j], utilityOfI[m], Utility(diff[(m * n) + j], risk[m]), utilityOfOwn[m]);
                    cij[j] = vote > 0 ? cij[j] + vote : cij[j];
                    cji[j] = vote < 0 ? cji[j] - vote : cji[j];
                }
            }
        }

        // The contests' values, several per SIMD instruction where the votes were (c0ij and c0ji are
        // no longer needed and take the probabilities and gains); the choice scans them in order.
        var probabilities = c0ij;
        var gains = c0ji;
        if (simd)
        {
            ChallengeValues(uii, cij, cji, uij, probabilities, gains);
        }
        else
        {
            for (var j = 0; j < n; j++)
            {
                (probabilities[j], gains[j]) = ChallengeValue(cij[j], cji[j], salienceSum[j], uii, uij[j]);
            }
        }

        var bestTarget = -1;
        var bestProbability = 0.0;
        var bestGain = -1.0;
        for (var j = 0; j < n; j++)
        {
            if (j == i)
            {
                continue;
            }

            var probability = probabilities[j];
            var gain = gains[j];
            if (MinSignificantGain < gain && bestGain < gain)
            {
                bestTarget = j;
                bestProbability = probability;
                bestGain = gain;
            }
        }

        return bestTarget < 0 ? null : (bestTarget, bestProbability, bestGain);
    }

    /// <summary>
    /// Challenger i's view of every actor m, several m per SIMD instruction: m's estimated risk
    /// attitude r^i_m, U^i(m, i), U^i(m, m) and the two sums of the SemiCommit vote that do not
    /// depend on the target (<c>2U(m, i) + U(m, m)</c>, <c>3U(m, i)</c>). The scalar loop's operations
    /// per lane; every span is <see cref="paddedCount"/> long (lanes past the last actor are never read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ThirdPartyUtilities(
        SmpState state, int i, Span<double> risk, Span<double> utilityOfI, Span<double> utilityOfOwn, Span<double> joinIWins, Span<double> staySafe)
    {
        var width = Vector<double>.Count;
        var riskOfI = new Vector<double>(state.Risk[i]);
        var fromI = state.DiffT.AsSpan(i * ActorCount, paddedCount);
        var ownDistance = state.OwnDistance.AsSpan();
        var risks = state.Risk.AsSpan();
        for (var m = 0; m < risk.Length; m += width)
        {
            var r = EstimatedRisk(riskOfI, new Vector<double>(risks[m..]));
            var ui = Utility(new Vector<double>(fromI[m..]), r);
            var own = Utility(new Vector<double>(ownDistance[m..]), r);
            r.CopyTo(risk[m..]);
            ui.CopyTo(utilityOfI[m..]);
            own.CopyTo(utilityOfOwn[m..]);
            (ui + ui + own).CopyTo(joinIWins[m..]);
            (ui + ui + ui).CopyTo(staySafe[m..]);
        }
    }

    /// <summary><see cref="EstimatedRisk(double, double)"/> lane by lane: the same operations in the same order.</summary>
    private Vector<double> EstimatedRisk(Vector<double> riskH, Vector<double> riskI) => Parameters.BigRAdjust switch
    {
        SmpBigRAdjust.Full => riskI,
        SmpBigRAdjust.TwoThirds => (riskH + (new Vector<double>(2.0) * riskI)) / new Vector<double>(3.0),
        SmpBigRAdjust.Half => (riskH + riskI) / new Vector<double>(2.0),
        SmpBigRAdjust.OneThird => ((new Vector<double>(2.0) * riskH) + riskI) / new Vector<double>(3.0),
        SmpBigRAdjust.None => riskH,
        _ => throw new InvalidOperationException("unknown BigRAdjust"),
    };

    /// <summary>
    /// <see cref="ChallengeValue"/> for every target j at once, several per SIMD instruction, into
    /// <paramref name="probabilities"/> and <paramref name="gains"/>: the scalar operations per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ChallengeValues(
        double uii, ReadOnlySpan<double> cij, ReadOnlySpan<double> cji, ReadOnlySpan<double> uij, Span<double> probabilities, Span<double> gains)
    {
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        var uki = new Vector<double>(uii);
        var victory = uki + uki;
        var targetSalience = salienceSum.AsSpan();
        for (var j = 0; j < probabilities.Length; j += width)
        {
            var forI = new Vector<double>(cij[j..]);
            var forJ = new Vector<double>(cji[j..]);
            var ukj = new Vector<double>(uij[j..]);
            var s = new Vector<double>(targetSalience[j..]);
            var pij = forI / (forI + forJ);
            var pji = forJ / (forI + forJ);
            var statusQuo = uki + ukj;
            var defeat = ukj + ukj;
            var contest = (pij * victory) + (pji * defeat);
            var challenge = ((one - s) * victory) + (s * contest);
            pij.CopyTo(probabilities[j..]);
            (challenge - statusQuo).CopyTo(gains[j..]);
        }
    }

    /// <summary>
    /// <see cref="PrincipalCoalitions"/> under the Prop rule for every target j at once, several per
    /// SIMD instruction (<c>utilityOfI[j]</c> = U(j, i), <c>utilityOfOwn[j]</c> = U(j, j)), also
    /// writing U(i, j) to <paramref name="uij"/>. Same operations per lane as the scalar path: adding
    /// max(v, 0) (+0 when v ≤ 0) or subtracting min(v, 0) gives the branches' bits (the processor's
    /// max and min, <c>MaxNative</c>: see <see cref="SmpElection.Coalitions"/>). Every span is
    /// <see cref="paddedCount"/> long; the lanes past the last actor are never read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PropPrincipalCoalitions(
        int i, ReadOnlySpan<double> distanceFromI, double riskOfI, double uii, ReadOnlySpan<double> utilityOfI, ReadOnlySpan<double> utilityOfOwn,
        Span<double> uij, Span<double> c0ij, Span<double> c0ji)
    {
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        var zero = Vector<double>.Zero;
        var minimum = new Vector<double>(MinChallengeCoalition);
        var r = new Vector<double>(riskOfI);
        var ui = new Vector<double>(uii);
        var wi = new Vector<double>(contestWeight[i]);
        var weights = contestWeight.AsSpan();
        for (var j = 0; j < uij.Length; j += width)
        {
            var d = new Vector<double>(distanceFromI[j..]);
            var u = Utility(d, r);
            u.CopyTo(uij[j..]);
            var contributionI = wi * (ui - u);
            var contributionJ = new Vector<double>(weights[j..]) * (new Vector<double>(utilityOfI[j..]) - new Vector<double>(utilityOfOwn[j..]));
            (minimum + Vector.MaxNative(contributionI, zero) + Vector.MaxNative(contributionJ, zero)).CopyTo(c0ij[j..]);
            (minimum - Vector.MinNative(contributionI, zero) - Vector.MinNative(contributionJ, zero)).CopyTo(c0ji[j..]);
        }
    }

    /// <summary>
    /// Third party m's vote in every contest i:j under the Prop rule and SemiCommit
    /// (<see cref="ThirdPartyVote"/> inlined), added to each contest's coalitions, several targets j
    /// per SIMD instruction. Each lane does the scalar path's operations in the same order and
    /// every contest still sums its votes in actor order, so the result is bit-identical. The vote
    /// of m in its own contest (j = m) is skipped. Every span is <see cref="paddedCount"/> long
    /// (whole vectors, no scalar remainder); the lanes past the last actor are never read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddPropSemiCommitVotes(
        int m, ReadOnlySpan<double> distanceFromM, double risk, double uni, double unn, double joinIWins, double staySafe,
        ReadOnlySpan<double> c0ij, ReadOnlySpan<double> c0ji, Span<double> cij, Span<double> cji)
    {
        var n = cij.Length;
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        var zero = Vector<double>.Zero;
        var r = new Vector<double>(risk);
        var wm = new Vector<double>(contestWeight[m]);
        var um = new Vector<double>(uni);
        var own = new Vector<double>(unn);
        var iWins = new Vector<double>(joinIWins);
        var safe = new Vector<double>(staySafe);
        var lanes = Vector<double>.Indices;
        for (var j = 0; j < n; j += width)
        {
            var d = new Vector<double>(distanceFromM[j..]);
            var unj = Utility(d, r);
            var vote0 = wm * (um - unj);
            var cni = new Vector<double>(c0ij[j..]) + Vector.MaxNative(vote0, zero);
            var cnj = new Vector<double>(c0ji[j..]) - Vector.MinNative(vote0, zero);
            var pin = cni / (cni + cnj);
            var pjn = one - pin;
            var joinI = (pin * iWins) + (pjn * (unj + unj + unj));
            var joinJ = (pin * safe) + (pjn * (unj + unj + own));
            var vote = wm * (joinI - joinJ);
            if (m >= j && m < j + width)
            {
                vote = Vector.ConditionalSelect(Vector.Equals(lanes, new Vector<double>(m - j)), zero, vote);
            }

            // Adding +0 leaves a positive sum unchanged: the branches' bits without branches.
            (new Vector<double>(cij[j..]) + Vector.MaxNative(vote, zero)).CopyTo(cij[j..]);
            (new Vector<double>(cji[j..]) - Vector.MinNative(vote, zero)).CopyTo(cji[j..]);
        }
    }

    /// <summary>
    /// Every third party's vote in every contest i:j (<see cref="AddPropSemiCommitVotes"/> for all
    /// m ≠ i), eight targets per instruction (AVX-512), two blocks of targets at a time with their
    /// coalitions kept in registers while the third parties are added in actor order: each lane does
    /// the scalar path's operations in the same order, so the bits are the same. On
    /// <see cref="Vector512{T}"/> since <see cref="Vector{T}"/> stays 256 bits wide on such processors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PropSemiCommitVotes512(
        int i, double[] diff, ReadOnlySpan<double> risk, ReadOnlySpan<double> utilityOfI, ReadOnlySpan<double> utilityOfOwn,
        ReadOnlySpan<double> joinIWins, ReadOnlySpan<double> staySafe,
        ReadOnlySpan<double> c0ij, ReadOnlySpan<double> c0ji, Span<double> cij, Span<double> cji)
    {
        var n = ActorCount;
        var np = cij.Length;
        var width = Vector512<double>.Count;
        var zero = Vector512<double>.Zero;
        var weights = contestWeight.AsSpan();

        // Each lane's index, a constant: a static field read in the loop would keep a class-initialisation
        // check (a call) there, and the register allocator then keeps the sums on the stack.
        var lanes = Vector512<double>.Indices;

        // Row m of the distances from j on; the matrix's slack covers the last row's padded lanes.
        ref var rows = ref MemoryMarshal.GetArrayDataReference(diff);
        var j = 0;
        for (; j + (2 * width) <= np; j += 2 * width)
        {
            var first0 = Vector512.Create(c0ij[j..]);
            var second0 = Vector512.Create(c0ji[j..]);
            var first1 = Vector512.Create(c0ij[(j + width)..]);
            var second1 = Vector512.Create(c0ji[(j + width)..]);
            var forI0 = first0;
            var forJ0 = second0;
            var forI1 = first1;
            var forJ1 = second1;
            for (var m = 0; m < n; m++)
            {
                if (m == i)
                {
                    continue;
                }

                var r = Vector512.Create(risk[m]);
                var wm = Vector512.Create(weights[m]);
                var um = Vector512.Create(utilityOfI[m]);
                var own = Vector512.Create(utilityOfOwn[m]);
                var iWins = Vector512.Create(joinIWins[m]);
                var safe = Vector512.Create(staySafe[m]);
                var vote0 = PropSemiCommitVote512(Vector512.LoadUnsafe(ref rows, (nuint)((m * n) + j)), r, wm, um, own, iWins, safe, first0, second0);
                var vote1 = PropSemiCommitVote512(Vector512.LoadUnsafe(ref rows, (nuint)((m * n) + j + width)), r, wm, um, own, iWins, safe, first1, second1);
                if ((uint)(m - j) < (uint)(2 * width))
                {
                    // m's own contest (j = m) gets no vote from m.
                    vote0 = Vector512.ConditionalSelect(Vector512.Equals(lanes, Vector512.Create((double)(m - j))), zero, vote0);
                    vote1 = Vector512.ConditionalSelect(Vector512.Equals(lanes, Vector512.Create((double)(m - j - width))), zero, vote1);
                }

                // Adding +0 leaves a positive sum unchanged: the branches' bits without branches (the
                // processor's max and min, one instruction each: see SmpElection.Coalitions).
                forI0 += Vector512.MaxNative(vote0, zero);
                forJ0 -= Vector512.MinNative(vote0, zero);
                forI1 += Vector512.MaxNative(vote1, zero);
                forJ1 -= Vector512.MinNative(vote1, zero);
            }

            forI0.CopyTo(cij[j..]);
            forJ0.CopyTo(cji[j..]);
            forI1.CopyTo(cij[(j + width)..]);
            forJ1.CopyTo(cji[(j + width)..]);
        }

        for (; j < np; j += width)
        {
            var first = Vector512.Create(c0ij[j..]);
            var second = Vector512.Create(c0ji[j..]);
            var forI = first;
            var forJ = second;
            for (var m = 0; m < n; m++)
            {
                if (m == i)
                {
                    continue;
                }

                var vote = PropSemiCommitVote512(
                    Vector512.LoadUnsafe(ref rows, (nuint)((m * n) + j)), Vector512.Create(risk[m]), Vector512.Create(weights[m]),
                    Vector512.Create(utilityOfI[m]), Vector512.Create(utilityOfOwn[m]), Vector512.Create(joinIWins[m]), Vector512.Create(staySafe[m]), first, second);
                if ((uint)(m - j) < (uint)width)
                {
                    vote = Vector512.ConditionalSelect(Vector512.Equals(lanes, Vector512.Create((double)(m - j))), zero, vote);
                }

                forI += Vector512.MaxNative(vote, zero);
                forJ -= Vector512.MinNative(vote, zero);
            }

            forI.CopyTo(cij[j..]);
            forJ.CopyTo(cji[j..]);
        }
    }

    /// <summary>
    /// Third party m's vote (<see cref="ThirdPartyVote"/> under Prop and SemiCommit) in eight contests
    /// i:j at once, from its distances <paramref name="distance"/> to the targets: the scalar operations per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> PropSemiCommitVote512(
        Vector512<double> distance, Vector512<double> risk, Vector512<double> weight, Vector512<double> uni, Vector512<double> unn,
        Vector512<double> joinIWins, Vector512<double> staySafe, Vector512<double> c0ij, Vector512<double> c0ji)
    {
        var one = Vector512<double>.One;
        var zero = Vector512<double>.Zero;
        var near = one - distance;
        var unj = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(distance, one), near * (one + (distance * risk)), near * (one + risk));
        var vote0 = weight * (uni - unj);
        var cni = c0ij + Vector512.MaxNative(vote0, zero);
        var cnj = c0ji - Vector512.MinNative(vote0, zero);
        var pin = cni / (cni + cnj);
        var pjn = one - pin;
        var joinI = (pin * joinIWins) + (pjn * (unj + unj + unj));
        var joinJ = (pin * staySafe) + (pjn * (unj + unj + unn));
        return weight * (joinI - joinJ);
    }

    /// <summary>
    /// The bargain i proposes to j when it estimates P(i beats j) = <paramref name="probabilityI"/>
    /// (<c>SMPActor::interpolateBrgn</c>): the positions i and j would adopt.
    /// </summary>
    public (double[] Initiator, double[] Receiver) Interpolate(SmpState state, int i, int j, double probabilityI, double probabilityJ)
    {
        var dims = Dimensions;
        var bi = new double[dims];
        var bj = new double[dims];
        for (var d = 0; d < dims; d++)
        {
            var ti = state.Positions[(i * dims) + d];
            var si = salience[(i * dims) + d];
            var tj = state.Positions[(j * dims) + d];
            var sj = salience[(j * dims) + d];
            switch (Parameters.InterVecBrgn)
            {
                case SmpInterVecBrgn.S1P1:
                    (bi[d], bj[d]) = InterpolatePower(ti, si * probabilityI, tj, sj * probabilityJ);
                    break;
                case SmpInterVecBrgn.S2P2:
                    (bi[d], bj[d]) = InterpolatePower(ti, si * si * (probabilityI * probabilityI), tj, sj * sj * (probabilityJ * probabilityJ));
                    break;
                default:
                    (bi[d], bj[d]) = InterpolateWeakerMoves(ti, si, probabilityI, tj, sj, probabilityJ);
                    break;
            }
        }

        return (bi, bj);
    }

    /// <summary>
    /// <c>SMPActor::interpBrgnSnPm</c>: both offered the weighted mean; a tiny weight for each side's own
    /// point avoids 0/0 (so the two offers can differ in the last place) and the result is
    /// rounded to 4 decimals.
    /// </summary>
    private static (double, double) InterpolatePower(double ti, double wi, double tj, double wj)
    {
        var bi = Round4((((wi + MinBargainWeight) * ti) + (wj * tj)) / (wi + MinBargainWeight + wj));
        var bj = Round4(((wi * ti) + ((MinBargainWeight + wj) * tj)) / (wi + MinBargainWeight + wj));
        return (bi, bj);
    }

    private static double Round4(double x) => ((int)(0.5 + (x * 10000.0))) / 10000.0;

    private static (double, double) InterpolateWeakerMoves(double ti, double si, double pi, double tj, double sj, double pj)
    {
        var di = pj > pi ? pj - pi : 0;
        var dj = pi > pj ? pi - pj : 0;
        var si2 = si * si;
        var sj2 = sj * sj;
        var dik = di * sj2 / ((di * sj2) + MinBargainWeight + ((1 - di) * si2));
        var djk = dj * si2 / ((dj * si2) + MinBargainWeight + ((1 - dj) * sj2));
        return (ti + (dik * (tj - ti)), tj + (djk * (ti - tj)));
    }

    /// <summary>
    /// Average utility to every actor a of the state after bargain b (KTAB's <c>brgnUtil</c> in
    /// <c>doBCN</c>): <c>(1/N)[u_a(b's initiator position) + u_a(b's receiver position) + Σ_{m ∉ {init, rcvr}} U^a(a, m)]</c>,
    /// summed in KTAB's order for each actor, several actors per SIMD instruction, into
    /// <paramref name="total"/> (<see cref="paddedCount"/> long; lanes past the last actor are not read).
    /// <paramref name="bargain"/> null is the status quo: <c>(1/N)Σ_m U^a(a, m)</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BargainUtility(SmpState state, SmpBargainProposal? bargain, Span<double> total)
    {
        var n = ActorCount;
        var dims = Dimensions;
        total.Clear();
        if (bargain is not null)
        {
            if (simd)
            {
                BargainPositionUtilities(state, bargain, total);
            }
            else
            {
                for (var a = 0; a < n; a++)
                {
                    var position = state.Positions.AsSpan(a * dims, dims);
                    total[a] = Utility(Distance(position, a, bargain.InitiatorPosition), state.Risk[a])
                        + Utility(Distance(position, a, bargain.ReceiverPosition), state.Risk[a]);
                }
            }
        }

        var initiator = bargain?.Initiator ?? -1;
        var receiver = bargain?.Receiver ?? -1;
        var ownT = state.OwnUtilityT;
        if (simd)
        {
            // One block of actors at a time, its sum kept in a register while the rows m are added in
            // order (the matrix's slack lets the last block of the last row run past it): each lane
            // adds the same values in the same order as the scalar loop below.
            var width = Vector<double>.Count;
            var count = new Vector<double>(n);
            ref var rows = ref MemoryMarshal.GetArrayDataReference(ownT);
            for (var a = 0; a < total.Length; a += width)
            {
                var sum = new Vector<double>(total[a..]);
                for (var m = 0; m < n; m++)
                {
                    if (m != initiator && m != receiver)
                    {
                        sum += Vector.LoadUnsafe(ref rows, (nuint)((m * n) + a));
                    }
                }

                (sum / count).CopyTo(total[a..]);
            }

            return;
        }

        for (var m = 0; m < n; m++)
        {
            if (m == initiator || m == receiver)
            {
                continue;
            }

            for (var a = 0; a < n; a++)
            {
                total[a] += ownT[(m * n) + a];
            }
        }

        for (var a = 0; a < n; a++)
        {
            total[a] /= n;
        }
    }

    /// <summary>
    /// <c>u_a(initiator's new position) + u_a(receiver's new position)</c> for every actor a, several
    /// per SIMD instruction: <see cref="Distance"/> from a's position (a's saliences) and
    /// <see cref="Utility(double, double)"/> at a's own R, the scalar path's operations per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BargainPositionUtilities(SmpState state, SmpBargainProposal bargain, Span<double> total)
    {
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        var zero = Vector<double>.Zero;
        var byDimension = state.PositionsByDimension.AsSpan();
        var initiator = bargain.InitiatorPosition;
        var receiver = bargain.ReceiverPosition;
        for (var a = 0; a < total.Length; a += width)
        {
            var toInitiator = zero;
            var toReceiver = zero;
            for (var d = 0; d < Dimensions; d++)
            {
                var position = new Vector<double>(byDimension[((d * paddedCount) + a)..]);
                var s = new Vector<double>(salienceByDimension.AsSpan((d * paddedCount) + a));
                var di = (position - new Vector<double>(initiator[d])) * s;
                toInitiator += di * di;
                var dr = (position - new Vector<double>(receiver[d])) * s;
                toReceiver += dr * dr;
            }

            var squares = new Vector<double>(salienceSquareSum.AsSpan(a));
            var salient = Vector.GreaterThan(squares, zero);
            var r = new Vector<double>(state.Risk.AsSpan(a));
            var distanceI = Vector.ConditionalSelect(salient, Vector.SquareRoot(toInitiator / squares), zero);
            var distanceR = Vector.ConditionalSelect(salient, Vector.SquareRoot(toReceiver / squares), zero);
            var utilityI = Utility(distanceI, r);
            var utilityR = Utility(distanceR, r);
            (utilityI + utilityR).CopyTo(total[a..]);
        }
    }

    /// <summary>
    /// Every actor's <see cref="BestChallenge"/>, in parallel from 24 actors (each into its own slot,
    /// so the thread count cannot change a result) unless this run is itself one of an outer
    /// parallel loop's workers. Kept out of <see cref="Step"/> so that its lambda's closure does not
    /// hold the turn's locals.
    /// </summary>
    private (int Target, double Probability, double Gain)?[] BestChallenges(SmpState state, CancellationToken cancellationToken)
    {
        var n = ActorCount;
        var best = SmpElectionBuffers.Grow(ref bestScratch, n);
        if (n >= 24 && !NestedParallelism.IsOuterWorker)
        {
            Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken },
                NewScratch,
                (i, _, scratch) =>
                {
                    best[i] = BestChallenge(state, i, scratch);
                    return scratch;
                },
                _ => { });
        }
        else
        {
            var scratch = challengeScratch ??= NewScratch();
            for (var i = 0; i < n; i++)
            {
                best[i] = BestChallenge(state, i, scratch);
            }
        }

        return best;
    }

    /// <summary>One turn: challenges, bargains, resolution of every actor's queue, new ideals.</summary>
    public SmpStep Step(SmpState state, int turn, ulong seed, bool trace, CancellationToken cancellationToken)
    {
        var n = ActorCount;
        var best = BestChallenges(state, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var challenges = new List<SmpChallengeRecord>(n);
        var proposals = new List<SmpBargainProposal>(Parameters.BargnModel == SmpBargnModel.InitRcvrInterp ? 2 * n : n);
        for (var i = 0; i < n; i++)
        {
            if (best[i] is not { } challenge)
            {
                continue;
            }

            var j = challenge.Target;
            var targetView = Parameters.BargnModel != SmpBargnModel.InitOnlyInterp || trace
                ? EstimateChallenge(state, j, i, i, j)
                : default;
            challenges.Add(new SmpChallengeRecord(i, j, challenge.Probability, challenge.Gain, targetView.Probability, targetView.Gain));

            var (ownI, ownJ) = Interpolate(state, i, j, challenge.Probability, 1 - challenge.Probability);
            var initiatorBargain = new SmpBargainProposal(i, j, ownI, ownJ);
            switch (Parameters.BargnModel)
            {
                case SmpBargnModel.InitOnlyInterp:
                    proposals.Add(initiatorBargain);
                    break;
                case SmpBargnModel.InitRcvrInterp:
                    {
                        // KTAB passes j's estimate of i's expected gain where the comment says
                        // "probability" (get<1> of probEduChlg); kept for conformance.
                        var (targetI, targetJ) = Interpolate(state, i, j, targetView.Gain, 1 - targetView.Gain);
                        proposals.Add(initiatorBargain);
                        proposals.Add(new SmpBargainProposal(i, j, targetI, targetJ));
                        break;
                    }

                default:
                    {
                        var (targetI, targetJ) = Interpolate(state, i, j, targetView.Gain, 1 - targetView.Gain);
                        // KTAB weighs the receiver's view by the initiator's capability times the receiver's salience.
                        var wi = capability[i] * salienceSum[i];
                        var wj = capability[i] * salienceSum[j];
                        if (!(wi + wj > 0))
                        {
                            // An initiator without capability (or two parties without salience) gives
                            // KTAB's weights 0/0: both views count equally instead.
                            wi = 1;
                            wj = 1;
                        }

                        var mixI = new double[Dimensions];
                        var mixJ = new double[Dimensions];
                        for (var d = 0; d < Dimensions; d++)
                        {
                            mixI[d] = ((wi * ownI[d]) + (wj * targetI[d])) / (wi + wj);
                            mixJ[d] = ((wi * ownJ[d]) + (wj * targetJ[d])) / (wi + wj);
                        }

                        proposals.Add(new SmpBargainProposal(i, j, mixI, mixJ));
                        break;
                    }
            }
        }

        // Each bargain's column of utilities, then the status quo's: the same for every actor's queue
        // (no bargain replaces any position), so it is computed once.
        var np = paddedCount;
        var statusQuo = proposals.Count;
        var table = SmpElectionBuffers.Grow(ref bargainUtilityScratch, (statusQuo + 1) * np);
        for (var b = 0; b < statusQuo; b++)
        {
            BargainUtility(state, proposals[b], table.AsSpan(b * np, np));
        }

        BargainUtility(state, null, table.AsSpan(statusQuo * np, np));
        var stochastic = Parameters.StateTransitions == SmpStateTransitions.Stochastic;
        var random = SmpStreams.ForTurn(seed, turn);
        var positions = new double[n * Dimensions];
        var chosen = new SmpBargainProposal[n];
        var queue = SmpElectionBuffers.Grow(ref queueScratch, statusQuo + 1);
        var parties = SmpElectionBuffers.Grow(ref partyScratch, 2 * statusQuo);
        for (var b = 0; b < statusQuo; b++)
        {
            parties[2 * b] = proposals[b].Initiator;
            parties[(2 * b) + 1] = proposals[b].Receiver;
        }
        for (var k = 0; k < n; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // k's queue: its status quo, then every bargain it is party to, in the challengers' order.
            var nb = 0;
            queue[nb++] = statusQuo;
            for (var b = 0; b < statusQuo; b++)
            {
                if (parties[2 * b] == k || parties[(2 * b) + 1] == k)
                {
                    queue[nb++] = b;
                }
            }

            var u = SmpElectionBuffers.Grow(ref queueUtilityScratch, (n * nb) + SmpElection.Slack);
            for (var b = 0; b < nb; b++)
            {
                var column = table.AsSpan(queue[b] * np, n);
                for (var a = 0; a < n; a++)
                {
                    u[(a * nb) + b] = column[a];
                }
            }

            var p = OptionProbabilities(nb);
            SmpElection.ScalarPce(Parameters.VotingRule, Parameters.VictoryProbModel, Parameters.PceModel, capability, u, nb, p, electionBuffers);
            var pick = stochastic ? SmpStreams.Select(p, random.NextDouble()) : IndexOfMax(p);
            var bargain = queue[pick] == statusQuo ? SmpBargainProposal.StatusQuo(k) : proposals[queue[pick]];
            chosen[k] = bargain;
            var source = bargain.IsStatusQuo ? state.Positions.AsSpan(k * Dimensions, Dimensions)
                : bargain.Initiator == k ? bargain.InitiatorPosition
                : bargain.ReceiverPosition;
            source.CopyTo(positions.AsSpan(k * Dimensions, Dimensions));
        }

        var next = new SmpState(positions, NewIdeals(state, positions));
        Assess(next);
        return new SmpStep(next, challenges, proposals, chosen);
    }

    private static int IndexOfMax(ReadOnlySpan<double> p)
    {
        var best = 0;
        var max = -1.0;
        for (var i = 0; i < p.Length; i++)
        {
            var a = Math.Abs(p[i]);
            if (max < a)
            {
                best = i;
                max = a;
            }
        }

        return best;
    }

    /// <summary><c>q_i ← Σ_j A_ij x_j + (1 − Σ_j A_ij) q_i</c>; with A the identity, the ideals are the positions.</summary>
    private double[] NewIdeals(SmpState state, double[] positions)
    {
        if (accommodation is null)
        {
            return (double[])positions.Clone();
        }

        var n = ActorCount;
        var dims = Dimensions;
        var ideals = new double[n * dims];
        for (var i = 0; i < n; i++)
        {
            var rowSum = 0.0;
            var point = ideals.AsSpan(i * dims, dims);
            for (var j = 0; j < n; j++)
            {
                var a = accommodation[(i * n) + j];
                rowSum += a;
                for (var d = 0; d < dims; d++)
                {
                    point[d] += a * positions[(j * dims) + d];
                }
            }

            var lag = 1.0 - Math.Min(rowSum, 1.0);
            for (var d = 0; d < dims; d++)
            {
                point[d] += lag * state.Ideals[(i * dims) + d];
            }
        }

        return ideals;
    }

    /// <summary>KTAB's <c>stateDist</c>: the sum over actors of the Euclidean distance moved.</summary>
    public double StateDistance(SmpState from, SmpState to)
    {
        var total = 0.0;
        for (var i = 0; i < ActorCount; i++)
        {
            var sum = 0.0;
            for (var d = 0; d < Dimensions; d++)
            {
                var x = from.Positions[(i * Dimensions) + d] - to.Positions[(i * Dimensions) + d];
                sum += x * x;
            }

            total += Math.Sqrt(sum);
        }

        return total;
    }
}

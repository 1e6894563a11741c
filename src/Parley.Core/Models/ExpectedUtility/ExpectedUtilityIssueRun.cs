using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Models.ExpectedUtility;

/// <summary>
/// The expected utility model on one issue: the actors' state and the round step. Not thread-safe;
/// one instance per issue and run. Buffers are allocated once and reused every round.
/// </summary>
/// <remarks>
/// <para>Cost per round is O(n² log n) for n actors rather than the O(n³) of summing every vote of
/// every contest: a voter k prefers x_a to x_b exactly when it is nearer to x_a, i.e. on x_a's
/// side of the midpoint (x_a + x_b)/2, whatever its risk exponent. With the voters sorted by
/// position, the voters favouring either side of a contest are a prefix and a suffix, so
/// Σ_k w_k F_k(·) over them comes from prefix sums G[t][a] = Σ_{u&lt;t} w_σ(u) F_σ(u)(x_a) over the
/// sorted voters σ, with F_k(x) = (|x_k − x|/d)^{e_k} and w = c·s: O(n²) powers, then O(1) per
/// contest, as the split moves forward while x_b ascends. Arrays are indexed by sorted place so
/// that every loop streams through memory. The scholz-code denominator Σ_k w_k Σ_{a,b} |F_k(x_a) − F_k(x_b)| reuses each voter's
/// row of F, visited in order of distance, in O(n). U_s, U_f are shared by both directions of a
/// contest and U_sq is kept per actor, so a round costs about 3n² powers.</para>
/// </remarks>
internal sealed class ExpectedUtilityIssueRun
{
    private readonly int count;
    private readonly ExpectedUtilitySettings settings;
    private readonly double[] positions;
    private readonly double[] saliences;
    private readonly double[] weights;
    private readonly double[] risks;
    private readonly double[] statusQuos;
    private readonly double[] next;
    private readonly int[] order;
    private readonly double[] sortedPositions;
    private readonly double[] prefix;
    private readonly double[] probabilities;
    private readonly double[] reverse;
    private readonly int[] rank;
    private readonly double[] distances;
    private readonly double[] security;
    private readonly double[] scratchA;
    private readonly double[] scratchB;
    private readonly bool code;
    private readonly double positionScale;
    private readonly double scaleMin;
    private readonly double scaleMax;
    private readonly Comparison<int> voterOrder;

    public ExpectedUtilityIssueRun(Issue issue, ReadOnlySpan<IssueStance> stances, ExpectedUtilitySettings settings)
    {
        count = stances.Length;
        this.settings = settings;
        code = settings.Variant == ExpectedUtilityVariant.ScholzCode;
        positions = new double[count];
        saliences = new double[count];
        weights = new double[count];

        // Positions and weights are held scaled by powers of two: every sum and product stays
        // finite for any finite input (capabilities of 1e308, a scale up to 1e308), and the bits of
        // every result are those of the unscaled arithmetic wherever that did not overflow.
        scaleMin = issue.ScaleMin;
        scaleMax = issue.ScaleMax;
        positionScale = ExactScale.FactorFor(Math.Max(Math.Abs(issue.ScaleMin), Math.Abs(issue.ScaleMax)));
        var largestWeight = 0.0;
        foreach (var stance in stances)
        {
            largestWeight = Math.Max(largestWeight, stance.Weight);
        }

        var weightScale = ExactScale.FactorFor(largestWeight);
        for (var i = 0; i < count; i++)
        {
            positions[i] = stances[i].Position * positionScale;
            saliences[i] = stances[i].Salience;
            weights[i] = stances[i].Weight * weightScale;
        }

        risks = new double[count];
        Array.Fill(risks, 1.0);
        statusQuos = new double[count];
        next = new double[count];
        order = new int[count];
        sortedPositions = new double[count];
        prefix = new double[(count + 1) * count];
        probabilities = new double[count * count];
        reverse = new double[count * count];
        rank = new int[count];
        distances = new double[count];
        security = new double[count];
        scratchA = new double[count];
        scratchB = new double[count];

        voterOrder = (a, b) =>
        {
            var byPosition = positions[a].CompareTo(positions[b]);
            if (byPosition != 0)
            {
                return byPosition;
            }

            var byWeight = weights[a].CompareTo(weights[b]);
            return byWeight != 0 ? byWeight : risks[a].CompareTo(risks[b]);
        };

        // scholz-code divides distances by the initial range of positions, the paper by the range of the issue's scale.
        Range = code ? positions.Max() - positions.Min() : issue.ScaleWidth * positionScale;
    }

    /// <summary>d: the distance that utilities are measured in, in the run's scaled units.</summary>
    private double Range { get; }

    /// <summary>Actor <paramref name="index"/>'s current position (stance order), on the issue's scale.</summary>
    public double PositionOf(int index) => Unscaled(positions[index]);

    // Clamped: a position 10^-300 on a scale reaching 10^308 underflows to 0 when scaled.
    private double Unscaled(double value) => Math.Clamp(value / positionScale, scaleMin, scaleMax);

    /// <summary>The actors' current positions, in stance order, on the issue's scale.</summary>
    public double[] CurrentPositions()
    {
        var current = new double[count];
        for (var i = 0; i < count; i++)
        {
            current[i] = PositionOf(i);
        }

        return current;
    }

    /// <summary>The risk exponents of the last round, in stance order (all 1 before the first).</summary>
    public ReadOnlySpan<double> Risks => risks;

    /// <summary>The capability × salience weighted mean of the current positions.</summary>
    public double Mean => Unscaled(WeightedStatistics.Mean(positions, weights));

    /// <summary>The capability × salience weighted median of the current positions.</summary>
    public double Median => Unscaled(ScaledMedian);

    private double ScaledMedian => WeightedStatistics.Median(positions, weights, scratchA, scratchB);

    /// <summary>
    /// Plays one round: risk exponents from security levels, every offer, then every receiver's
    /// chosen move at once.
    /// </summary>
    /// <param name="onOffer">Called for every offer (receiver, proposer, type, E_i, E_j, new position, accepted), or <c>null</c>.</param>
    public void PlayRound(Action<int, int, OfferType, double, double, double, bool>? onOffer)
    {
        if (!(Range > 0) || count < 2)
        {
            return;
        }

        var median = settings.Q < 1 ? ScaledMedian : 0;
        UpdateRisks(median);
        ComputeProbabilities(unitExponents: false);

        for (var receiver = 0; receiver < count; receiver++)
        {
            next[receiver] = positions[receiver];
            var best = FindBestOffer(receiver, median);
            if (best.Proposer >= 0)
            {
                next[receiver] = best.Position;
            }

            if (onOffer is not null)
            {
                ReportOffers(receiver, median, best.Proposer, onOffer);
            }
        }

        Array.Copy(next, positions, count);
    }

    /// <summary>r_i from the security levels S_i = Σ_{j≠i} E^j(U_ji), computed with every r = 1.</summary>
    private void UpdateRisks(double median)
    {
        ComputeProbabilities(unitExponents: true);
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (var target = 0; target < count; target++)
        {
            double sum = 0;
            for (var challenger = 0; challenger < count; challenger++)
            {
                // Challenging an actor at one's own position changes nothing (and its EU is 0 when Q = 1).
                if (challenger == target || positions[challenger] == positions[target])
                {
                    continue;
                }

                var distance = Math.Abs(positions[challenger] - positions[target]);
                var (success, failure) = Outcomes(1.0, distance, Range);
                sum += ChallengeUtility(1.0, 0.0, success, failure, distance, challenger, target, Yields(target, challenger), median);
            }

            security[target] = sum;
            max = Math.Max(max, sum);
            min = Math.Min(min, sum);
        }

        // Guard: equal security levels (e.g. two actors) leave everyone risk-neutral.
        var spread = max - min;
        var degenerate = !(spread > 1e-12 * Math.Max(1.0, Math.Max(Math.Abs(max), Math.Abs(min))));
        for (var i = 0; i < count; i++)
        {
            var relative = degenerate ? 0 : (2 * security[i] - max - min) / spread;
            risks[i] = (1 - (relative / 3.0)) / (1 + (relative / 3.0));
            statusQuos[i] = 2 - (4 * Power(0.5, risks[i]));
        }
    }

    /// <summary>
    /// Fills P[a][b], the probability that x_a prevails over x_b, from the votes
    /// v_k = c_k s_k ((|x_k − x_b|/d)^{e_k} − (|x_k − x_a|/d)^{e_k}) with e_k = 1 or r_k.
    /// </summary>
    private void ComputeProbabilities(bool unitExponents)
    {
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        // Voters at one position are summed in an order of their own (weight, then exponent), not the file's,
        // so that reordering the actors cannot change a rounding.
        Array.Sort(order, voterOrder);
        for (var u = 0; u < count; u++)
        {
            sortedPositions[u] = positions[order[u]];
            rank[order[u]] = u;
        }

        // Everything below is indexed by sorted place, so the loops stream through memory.
        // prefix[t][u] = Σ_{v<t} w_σ(v) F_σ(v)(x_σ(u)): row t+1 adds voter σ(t)'s row of F to row t.
        Array.Clear(prefix, 0, count);
        double total = 0;
        for (var t = 0; t < count; t++)
        {
            var voter = order[t];
            var position = sortedPositions[t];
            var exponent = unitExponents ? 1.0 : risks[voter];
            var weight = weights[voter];
            for (var u = 0; u < count; u++)
            {
                distances[u] = Power(Math.Abs(position - sortedPositions[u]) / Range, exponent);
            }

            var row = prefix.AsSpan(t * count, count);
            var nextRow = prefix.AsSpan((t + 1) * count, count);
            for (var u = 0; u < count; u++)
            {
                nextRow[u] = row[u] + (weight * distances[u]);
            }

            if (code && weight != 0)
            {
                total += weight * 2 * OrderedPairsSpread(t);
            }
        }

        // For x_a fixed and x_b ascending the midpoint ascends, so the split (voters below it) only moves forward.
        var all = prefix.AsSpan(count * count, count);
        for (var a = 0; a < count; a++)
        {
            var xa = sortedPositions[a];
            var over = probabilities.AsSpan(a * count, count);
            var under = reverse.AsSpan(a * count, count);
            var split = 0;
            for (var b = 0; b < count; b++)
            {
                var xb = sortedPositions[b];
                if (xa == xb)
                {
                    over[b] = under[b] = code ? 0 : 0.5;
                    continue;
                }

                var middle = (xa + xb) / 2;
                while (split < count && sortedPositions[split] < middle)
                {
                    split++;
                }

                var below = prefix.AsSpan(split * count, count);
                double favour, against;
                if (xa < xb)
                {
                    favour = below[b] - below[a];
                    against = (all[a] - below[a]) - (all[b] - below[b]);
                }
                else
                {
                    favour = (all[b] - below[b]) - (all[a] - below[a]);
                    against = below[a] - below[b];
                }

                favour = Math.Max(0, favour);
                against = Math.Max(0, against);
                if (code)
                {
                    over[b] = total > 0 ? favour / total : 0;
                    under[b] = total > 0 ? against / total : 0;
                }
                else
                {
                    var votes = favour + against;
                    over[b] = votes > 0 ? favour / votes : 0.5;
                    under[b] = votes > 0 ? against / votes : 0.5;
                }
            }
        }
    }

    /// <summary>P(x_a prevails over x_b) for actors a and b, from the last <see cref="ComputeProbabilities"/>.</summary>
    private double Prevails(int a, int b) => probabilities[(rank[a] * count) + rank[b]];

    /// <summary>P(x_b prevails over x_a), read from a's row so that a loop over b stays in one row.</summary>
    private double Yields(int a, int b) => reverse[(rank[a] * count) + rank[b]];

    /// <summary>
    /// Σ_{a,b} |F_k(x_a) − F_k(x_b)| over all ordered pairs of actors for the voter k at sorted
    /// place <paramref name="place"/>, its F values (by sorted place) being in <see cref="distances"/>.
    /// F grows with the distance from x_k, so walking outwards from x_k visits the values in
    /// ascending order, and for ascending values Σ_{a,b} |F_a − F_b| = 2 Σ_m F_(m) (2m − n + 1).
    /// </summary>
    private double OrderedPairsSpread(int place)
    {
        var position = sortedPositions[place];
        int left = place - 1, right = place;
        double sum = 0;
        for (var m = 0; m < count; m++)
        {
            var next = right < count && (left < 0 || sortedPositions[right] - position <= position - sortedPositions[left])
                ? right++
                : left--;
            sum += distances[next] * ((2 * m) - count + 1);
        }

        return sum;
    }

    /// <summary>
    /// E(U_ab) as evaluated with exponent r: challenger a's expected utility of challenging b,
    /// s_b[P U_s + (1 − P) U_f] + (1 − s_b) U_s − {Q U_sq + (1 − Q)[T U_b + (1 − T) U_w]}.
    /// scholz-code subtracts q U_sq only. U_s and U_f depend only on |x_a − x_b| and r, so the
    /// caller computes them once for both directions of a contest.
    /// </summary>
    private double ChallengeUtility(double risk, double statusQuo, double success, double failure, double distance, int challenger, int target, double probability, double median)
    {
        var resist = saliences[target];
        var expected = (resist * ((probability * success) + ((1 - probability) * failure))) + ((1 - resist) * success);
        if (code || settings.Q == 1)
        {
            return expected - (settings.Q * statusQuo);
        }

        var shift = 0.25 * (Math.Abs(positions[challenger] - median) + distance) / Range;
        var better = 2 - (4 * Power(0.5 - shift, risk));
        var worse = 2 - (4 * Power(0.5 + shift, risk));
        return expected - ((settings.Q * statusQuo) + ((1 - settings.Q) * ((settings.T * better) + ((1 - settings.T) * worse))));
    }

    private static (double Success, double Failure) Outcomes(double risk, double distance, double range) =>
        (2 - (4 * Power(0.5 - (0.5 * distance / range), risk)), 2 - (4 * Power(0.5 + (0.5 * distance / range), risk)));

    private (OfferType Type, double ReceiverEu, double ProposerEu, double Position)? Classify(int receiver, int proposer, double median)
    {
        var risk = risks[receiver];
        var from = positions[receiver];
        var to = positions[proposer];
        var distance = Math.Abs(from - to);
        var (success, failure) = Outcomes(risk, distance, Range);
        var statusQuo = statusQuos[receiver];
        var own = ChallengeUtility(risk, statusQuo, success, failure, distance, receiver, proposer, Prevails(receiver, proposer), median);
        var theirs = ChallengeUtility(risk, statusQuo, success, failure, distance, proposer, receiver, Yields(receiver, proposer), median);
        // The paper's variant reads an expected utility within TieTolerance of zero, or of the other
        // side's, as equal to it: otherwise rounding, which depends on the actors' order, would decide
        // between offer types at exact boundaries. scholz-code keeps its replication's exact tests.
        var eps = code ? 0.0 : TieTolerance;
        if (theirs > own + eps && own > eps)
        {
            return (OfferType.Confrontation, own, theirs, to);
        }

        if (theirs > eps && own < -eps && theirs > Math.Abs(own) + eps)
        {
            return (OfferType.Compromise, own, theirs, from + ((to - from) * Math.Abs(own / theirs)));
        }

        // scholz-code's capitulation test compares E_j with |E_j| and never holds.
        if (!code && theirs > eps && own < -eps && theirs < Math.Abs(own) - eps)
        {
            return (OfferType.Capitulation, own, theirs, to);
        }

        return null;
    }

    private (int Proposer, double Position) FindBestOffer(int receiver, double median)
    {
        var from = positions[receiver];
        var bestProposer = -1;
        var bestType = OfferType.Capitulation;
        double bestKey = double.PositiveInfinity, bestPosition = from, bestProposerEu = double.NegativeInfinity;
        for (var proposer = 0; proposer < count; proposer++)
        {
            if (positions[proposer] == from || Classify(receiver, proposer, median) is not { } offer)
            {
                continue;
            }

            double key;
            if (code)
            {
                // Confrontations first (least move), else compromises ranked by (|E_i| x_i + |E_j| x_j) / (|E_i| + |E_j|).
                if (bestProposer >= 0 && bestType == OfferType.Confrontation && offer.Type != OfferType.Confrontation)
                {
                    continue;
                }

                key = offer.Type == OfferType.Confrontation
                    ? Math.Abs(from - offer.Position)
                    : ((Math.Abs(offer.ReceiverEu) * from) + (Math.Abs(offer.ProposerEu) * positions[proposer])) / (Math.Abs(offer.ReceiverEu) + Math.Abs(offer.ProposerEu));
                var promoted = offer.Type == OfferType.Confrontation && bestType != OfferType.Confrontation;
                if (!promoted && !(key < bestKey))
                {
                    continue;
                }
            }
            else
            {
                // Least move; equal moves (x_i halfway between two proposers) go to the proposer with the
                // larger E_j, then to the lower position, so the choice does not depend on the actors' order.
                // Equal means equal up to rounding (TieTolerance of the range): sums taken in another actor
                // order differ in their last bits, and an exact comparison would let that order decide.
                key = Math.Abs(from - offer.Position);
                var tolerance = TieTolerance * Range;
                var better = key < bestKey - tolerance
                    || (Math.Abs(key - bestKey) <= tolerance
                        && (offer.ProposerEu > bestProposerEu + TieTolerance
                            || (Math.Abs(offer.ProposerEu - bestProposerEu) <= TieTolerance && offer.Position < bestPosition - tolerance)));
                if (!better)
                {
                    continue;
                }
            }

            bestProposer = proposer;
            bestType = offer.Type;
            bestKey = key;
            bestPosition = offer.Position;
            bestProposerEu = offer.ProposerEu;
        }

        return (bestProposer, bestPosition);
    }

    private void ReportOffers(int receiver, double median, int accepted, Action<int, int, OfferType, double, double, double, bool> onOffer)
    {
        for (var proposer = 0; proposer < count; proposer++)
        {
            if (positions[proposer] == positions[receiver] || Classify(receiver, proposer, median) is not { } offer)
            {
                continue;
            }

            onOffer(receiver, proposer, offer.Type, offer.ReceiverEu, offer.ProposerEu, Unscaled(offer.Position), proposer == accepted);
        }
    }

    /// <summary>Relative tolerance under which the scholz variant treats two moves or two expected utilities as equal.</summary>
    private const double TieTolerance = 1e-9;

    private static double Power(double value, double exponent) => exponent == 1.0 ? value : Math.Pow(value, exponent);
}

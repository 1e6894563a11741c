using Parley.Core.Domain;

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
/// Σ_k w_k F_k(·) over them comes from per-candidate prefix sums G[a][t] = Σ_{u&lt;t} w_σ(u) F_σ(u)(x_a),
/// with F_k(x) = (|x_k − x|/d)^{e_k} and w = c·s. The scholz-code denominator
/// Σ_k w_k Σ_{a,b} |F_k(x_a) − F_k(x_b)| is computed per voter from its sorted distances in O(n).</para>
/// </remarks>
internal sealed class ExpectedUtilityIssueRun
{
    private readonly int count;
    private readonly ExpectedUtilitySettings settings;
    private readonly double[] positions;
    private readonly double[] saliences;
    private readonly double[] weights;
    private readonly double[] risks;
    private readonly double[] next;
    private readonly int[] order;
    private readonly double[] sortedPositions;
    private readonly double[] prefix;
    private readonly double[] probabilities;
    private readonly double[] distances;
    private readonly double[] security;
    private readonly double[] scratchA;
    private readonly double[] scratchB;
    private readonly bool code;

    public ExpectedUtilityIssueRun(Issue issue, ReadOnlySpan<IssueStance> stances, ExpectedUtilitySettings settings)
    {
        count = stances.Length;
        this.settings = settings;
        code = settings.Variant == ExpectedUtilityVariant.ScholzCode;
        positions = new double[count];
        saliences = new double[count];
        weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            positions[i] = stances[i].Position;
            saliences[i] = stances[i].Salience;
            weights[i] = stances[i].Weight;
        }

        risks = new double[count];
        Array.Fill(risks, 1.0);
        next = new double[count];
        order = new int[count];
        sortedPositions = new double[count];
        prefix = new double[count * (count + 1)];
        probabilities = new double[count * count];
        distances = new double[count];
        security = new double[count];
        scratchA = new double[count];
        scratchB = new double[count];

        // scholz-code divides distances by the initial range of positions, the paper by the range of the issue's scale.
        Range = code ? positions.Max() - positions.Min() : issue.ScaleWidth;
    }

    /// <summary>d: the distance that utilities are measured in.</summary>
    public double Range { get; }

    /// <summary>The actors' current positions, in stance order.</summary>
    public ReadOnlySpan<double> Positions => positions;

    /// <summary>The risk exponents of the last round, in stance order (all 1 before the first).</summary>
    public ReadOnlySpan<double> Risks => risks;

    /// <summary>The capability × salience weighted mean of the current positions.</summary>
    public double Mean => WeightedStatistics.Mean(positions, weights);

    /// <summary>The capability × salience weighted median of the current positions.</summary>
    public double Median => WeightedStatistics.Median(positions, weights, scratchA, scratchB);

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

        var median = settings.Q < 1 ? Median : 0;
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

                sum += ChallengeUtility(1.0, challenger, target, probabilities[(challenger * count) + target], median);
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
            sortedPositions[i] = positions[i];
        }

        Array.Sort(sortedPositions, order);
        var stride = count + 1;
        for (var a = 0; a < count; a++)
        {
            var row = prefix.AsSpan(a * stride, stride);
            var xa = positions[a];
            double running = 0;
            row[0] = 0;
            for (var u = 0; u < count; u++)
            {
                var k = order[u];
                var exponent = unitExponents ? 1.0 : risks[k];
                running += weights[k] * Power(Math.Abs(positions[k] - xa) / Range, exponent);
                row[u + 1] = running;
            }
        }

        var total = code ? AllPairsVoteTotal(unitExponents) : 0;
        for (var a = 0; a < count; a++)
        {
            var rowA = prefix.AsSpan(a * stride, stride);
            for (var b = 0; b < count; b++)
            {
                var xa = positions[a];
                var xb = positions[b];
                if (xa == xb)
                {
                    probabilities[(a * count) + b] = code ? 0 : 0.5;
                    continue;
                }

                var rowB = prefix.AsSpan(b * stride, stride);
                var middle = (xa + xb) / 2;
                double favour, against;
                if (xa < xb)
                {
                    var split = LowerBound(middle);
                    favour = rowB[split] - rowA[split];
                    against = (rowA[count] - rowA[split]) - (rowB[count] - rowB[split]);
                }
                else
                {
                    var split = UpperBound(middle);
                    favour = (rowB[count] - rowB[split]) - (rowA[count] - rowA[split]);
                    against = rowA[split] - rowB[split];
                }

                favour = Math.Max(0, favour);
                against = Math.Max(0, against);
                double probability;
                if (code)
                {
                    probability = total > 0 ? favour / total : 0;
                }
                else
                {
                    var votes = favour + against;
                    probability = votes > 0 ? favour / votes : 0.5;
                }

                probabilities[(a * count) + b] = probability;
            }
        }
    }

    /// <summary>scholz-code's denominator: Σ_k w_k Σ_{a,b} |F_k(x_a) − F_k(x_b)| over all ordered pairs of actors.</summary>
    private double AllPairsVoteTotal(bool unitExponents)
    {
        double total = 0;
        for (var k = 0; k < count; k++)
        {
            if (weights[k] == 0)
            {
                continue;
            }

            // Distances from x_k to every actor, ascending: merge outwards from x_k's place in the sorted positions.
            var xk = positions[k];
            var right = LowerBound(xk);
            var left = right - 1;
            for (var m = 0; m < count; m++)
            {
                if (right < count && (left < 0 || sortedPositions[right] - xk <= xk - sortedPositions[left]))
                {
                    distances[m] = sortedPositions[right++] - xk;
                }
                else
                {
                    distances[m] = xk - sortedPositions[left--];
                }
            }

            // Σ_{a,b} |F_a − F_b| = 2 Σ_m F_(m) (2m − n + 1) for F sorted ascending (F is increasing in the distance).
            var exponent = unitExponents ? 1.0 : risks[k];
            double sum = 0;
            for (var m = 0; m < count; m++)
            {
                sum += Power(distances[m] / Range, exponent) * ((2 * m) - count + 1);
            }

            total += weights[k] * 2 * sum;
        }

        return total;
    }

    /// <summary>
    /// E(U_ab) as evaluated with exponent r: challenger a's expected utility of challenging b,
    /// s_b[P U_s + (1 − P) U_f] + (1 − s_b) U_s − {Q U_sq + (1 − Q)[T U_b + (1 − T) U_w]}.
    /// scholz-code subtracts q U_sq only.
    /// </summary>
    private double ChallengeUtility(double risk, int challenger, int target, double probability, double median)
    {
        var distance = Math.Abs(positions[challenger] - positions[target]);
        var success = 2 - (4 * Power(0.5 - (0.5 * distance / Range), risk));
        var failure = 2 - (4 * Power(0.5 + (0.5 * distance / Range), risk));
        var statusQuo = 2 - (4 * Power(0.5, risk));
        var resist = saliences[target];
        var expected = (resist * ((probability * success) + ((1 - probability) * failure))) + ((1 - resist) * success);
        if (code)
        {
            return expected - (settings.Q * statusQuo);
        }

        var reference = statusQuo;
        if (settings.Q < 1)
        {
            var shift = 0.25 * (Math.Abs(positions[challenger] - median) + distance) / Range;
            var better = 2 - (4 * Power(0.5 - shift, risk));
            var worse = 2 - (4 * Power(0.5 + shift, risk));
            reference = (settings.Q * statusQuo) + ((1 - settings.Q) * ((settings.T * better) + ((1 - settings.T) * worse)));
        }

        return expected - reference;
    }

    private (OfferType Type, double ReceiverEu, double ProposerEu, double Position)? Classify(int receiver, int proposer, double median)
    {
        var risk = risks[receiver];
        var own = ChallengeUtility(risk, receiver, proposer, probabilities[(receiver * count) + proposer], median);
        var theirs = ChallengeUtility(risk, proposer, receiver, probabilities[(proposer * count) + receiver], median);
        var from = positions[receiver];
        var to = positions[proposer];
        if (theirs > own && own > 0)
        {
            return (OfferType.Confrontation, own, theirs, to);
        }

        if (theirs > 0 && own < 0 && theirs > Math.Abs(own))
        {
            return (OfferType.Compromise, own, theirs, from + ((to - from) * Math.Abs(own / theirs)));
        }

        // scholz-code's capitulation test compares E_j with |E_j| and never holds.
        if (!code && theirs > 0 && own < 0 && theirs < Math.Abs(own))
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
        double bestKey = double.PositiveInfinity, bestPosition = from;
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
                key = Math.Abs(from - offer.Position);
                if (!(key < bestKey))
                {
                    continue;
                }
            }

            bestProposer = proposer;
            bestType = offer.Type;
            bestKey = key;
            bestPosition = offer.Position;
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

            onOffer(receiver, proposer, offer.Type, offer.ReceiverEu, offer.ProposerEu, offer.Position, proposer == accepted);
        }
    }

    /// <summary>Number of sorted positions strictly below <paramref name="value"/>.</summary>
    private int LowerBound(double value)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sortedPositions[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Number of sorted positions at or below <paramref name="value"/>.</summary>
    private int UpperBound(double value)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sortedPositions[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static double Power(double value, double exponent) => exponent == 1.0 ? value : Math.Pow(value, exponent);
}

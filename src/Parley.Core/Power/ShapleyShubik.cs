using System.Collections.Immutable;

namespace Parley.Core.Power;

/// <summary>
/// Shapley–Shubik voting power of the members of a voting body whose decision rule depends only
/// on how many members vote yes and on the sum of their integer weights: weighted majority
/// (weight ≥ quota), double majority (members ≥ m and population ≥ p) and unanimity.
/// </summary>
/// <remarks>
/// Shapley &amp; Shubik (1954), "A method for evaluating the distribution of power in a committee
/// system", <i>American Political Science Review</i> 48(3): 787–792. Member i's index is the
/// share of the n! voting orders in which i is pivotal:
/// <c>φᵢ = Σ_{S ⊆ N∖{i}, S losing, S∪{i} winning} |S|! (n − |S| − 1)! / n!</c>.
/// The sum runs over coalition sizes and weight totals, counted exactly by dynamic programming
/// (the generating-function method of Mann &amp; Shapley 1962, RAND memo RM-3158): the
/// coalitions of all members are counted once, and each member's are obtained by removing it,
/// in O(n² W) time overall for total weight W. No sampling, so the indices are deterministic.
/// </remarks>
public static class ShapleyShubik
{
    /// <summary>
    /// The Shapley–Shubik index of every member, in input order; the indices sum to 1 when the
    /// rule is monotone and the full body wins.
    /// </summary>
    /// <param name="weights">Each member's non-negative integer weight (votes, population units).</param>
    /// <param name="isWinning">
    /// Whether a coalition of the given size (number of members) and total weight carries the
    /// decision. Must be monotone: adding a member never turns a winning coalition into a losing one.
    /// </param>
    /// <param name="requiredPlayers">
    /// Players outside the voting body whose consent every decision also needs (veto players, an
    /// agenda setter), 0 or more. A member is then pivotal only after all of them, which
    /// multiplies each order share by C(s + r, r) / C(n + r, r) for a coalition of s members
    /// before it (the r players placed uniformly among the n members). The members' indices then
    /// sum to 1 minus the required players' joint share, which they split equally (symmetry).
    /// </param>
    /// <exception cref="ArgumentException">No members, or a negative weight.</exception>
    public static ImmutableArray<double> Compute(IReadOnlyList<int> weights, Func<int, long, bool> isWinning, int requiredPlayers = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requiredPlayers);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(isWinning);
        var count = weights.Count;
        if (count == 0)
        {
            throw new ArgumentException("A voting body needs at least one member.", nameof(weights));
        }

        long total = 0;
        foreach (var weight in weights)
        {
            if (weight < 0)
            {
                throw new ArgumentException($"Weights must be 0 or more; got {weight}.", nameof(weights));
            }

            total += weight;
        }

        // orderShare[s] = s! (n − s − 1)! / n!, the share of voting orders in which the s
        // members of a given coalition come first and the member in question next.
        var orderShare = new double[count];
        for (var size = 0; size < count; size++)
        {
            orderShare[size] = Binomial(size + requiredPlayers, requiredPlayers) / (count * Binomial(count - 1, size) * Binomial(count + requiredPlayers, requiredPlayers));
        }

        // full[s * width + w]: how many coalitions of all members have s members and weight w
        // (counts stay below 2^53, so doubles hold them exactly and the removal below is exact).
        var width = (int)total + 1;
        var full = new double[(count + 1) * width];
        full[0] = 1;
        long reach = 0;
        for (var member = 0; member < count; member++)
        {
            var weight = weights[member];
            for (var size = member; size >= 0; size--)
            {
                for (var sum = (int)reach; sum >= 0; sum--)
                {
                    var ways = full[(size * width) + sum];
                    if (ways != 0)
                    {
                        full[((size + 1) * width) + sum + weight] += ways;
                    }
                }
            }

            reach += weight;
        }

        var indices = ImmutableArray.CreateBuilder<double>(count);
        var others = new double[count * width];
        for (var member = 0; member < count; member++)
        {
            // Coalitions of the other members: remove the member from the full count,
            // others[s][w] = full[s][w] − others[s − 1][w − own], in increasing s.
            var own = weights[member];
            for (var size = 0; size < count; size++)
            {
                for (var sum = 0; sum < width; sum++)
                {
                    var ways = full[(size * width) + sum];
                    if (size > 0 && sum >= own)
                    {
                        ways -= others[((size - 1) * width) + sum - own];
                    }

                    others[(size * width) + sum] = ways;
                }
            }

            double index = 0;
            for (var size = 0; size < count; size++)
            {
                for (var sum = 0; sum + own <= total; sum++)
                {
                    var ways = others[(size * width) + sum];
                    if (ways != 0 && !isWinning(size, sum) && isWinning(size + 1, sum + own))
                    {
                        index += ways * orderShare[size];
                    }
                }
            }

            indices.Add(index);
        }

        return indices.MoveToImmutable();
    }

    /// <summary>The indices under a weighted majority: a coalition wins when its weight reaches <paramref name="quota"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The quota is not positive.</exception>
    public static ImmutableArray<double> WeightedMajority(IReadOnlyList<int> weights, long quota)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quota);
        return Compute(weights, (_, weight) => weight >= quota);
    }

    private static double Binomial(int n, int k)
    {
        double result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}

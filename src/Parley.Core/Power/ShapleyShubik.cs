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
/// (the generating-function method of Mann &amp; Shapley 1962, RAND memo RM-3158), in
/// O(n² W) time per member for total weight W: no sampling, so the indices are deterministic.
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
    /// <exception cref="ArgumentException">No members, or a negative weight.</exception>
    public static ImmutableArray<double> Compute(IReadOnlyList<int> weights, Func<int, long, bool> isWinning)
    {
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
            orderShare[size] = 1.0 / (count * Binomial(count - 1, size));
        }

        var indices = ImmutableArray.CreateBuilder<double>(count);
        var width = (int)total + 1;
        var coalitions = new double[count * width];
        for (var member = 0; member < count; member++)
        {
            // coalitions[s * width + w]: how many coalitions of the other members have s members and weight w.
            Array.Clear(coalitions);
            coalitions[0] = 1;
            var members = 0;
            for (var other = 0; other < count; other++)
            {
                if (other == member)
                {
                    continue;
                }

                var weight = weights[other];
                for (var size = members; size >= 0; size--)
                {
                    var from = size * width;
                    var to = (size + 1) * width;
                    for (var sum = (int)total - weight; sum >= 0; sum--)
                    {
                        var ways = coalitions[from + sum];
                        if (ways != 0)
                        {
                            coalitions[to + sum + weight] += ways;
                        }
                    }
                }

                members++;
            }

            double index = 0;
            var own = weights[member];
            for (var size = 0; size < count; size++)
            {
                for (var sum = 0; sum + own <= total; sum++)
                {
                    var ways = coalitions[(size * width) + sum];
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

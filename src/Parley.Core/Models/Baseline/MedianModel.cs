using Parley.Core.Domain;

namespace Parley.Core.Models.Baseline;

/// <summary>
/// The median voter model: the capability × salience weighted median of the positions, the
/// position no coalition of more than half the weight can defeat on a single issue.
/// </summary>
/// <remarks>
/// Black (1948), "On the rationale of group decision-making", <i>Journal of Political Economy</i>
/// 56(1): 23–34; weighted form as in Achen (2006), <i>The European Union Decides</i>, ch. 10.
/// The forecast is the lowest position xₖ whose cumulative weight (positions ≤ xₖ) reaches half
/// the total: always an actor's position. With all weights 0 every actor counts equally.
/// </remarks>
public sealed class MedianModel : PerIssueModel
{
    /// <inheritdoc />
    public override ModelInfo Info { get; } = new(
        "median",
        "Median voter (weighted median)",
        "Black (1948), J. Political Economy 56(1); Achen (2006) in The European Union Decides, ch. 10",
        "Capability x salience weighted median of the positions.");

    /// <inheritdoc />
    protected internal override double ForecastIssue(Issue issue, ReadOnlySpan<IssueStance> stances, object? prepared) =>
        WeightedMedian(stances);

    /// <summary>The weighted median of <paramref name="stances"/> (see the class remarks for the tie rule).</summary>
    public static double WeightedMedian(ReadOnlySpan<IssueStance> stances)
    {
        var count = stances.Length;
        var positions = new double[count];
        var weights = new double[count];
        double total = 0;
        for (var i = 0; i < count; i++)
        {
            positions[i] = stances[i].Position;
            weights[i] = stances[i].Weight;
            total += weights[i];
        }

        if (total <= 0)
        {
            Array.Fill(weights, 1.0);
            total = count;
        }

        Array.Sort(positions, weights);
        double cumulative = 0;
        for (var i = 0; i < count; i++)
        {
            cumulative += weights[i];

            // Equal positions form one point: only test the half-way mark after the last of them.
            if (i + 1 < count && positions[i + 1] == positions[i])
            {
                continue;
            }

            if (cumulative >= total / 2 * (1 - 1e-12))
            {
                return positions[i];
            }
        }

        return positions[count - 1];
    }
}

using Parley.Core.Domain;
using Parley.Core.Numerics;

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
        for (var i = 0; i < count; i++)
        {
            positions[i] = stances[i].Position;
            weights[i] = stances[i].Weight;
        }

        return WeightedStatistics.Median(positions, weights, new double[count], new double[count]);
    }
}

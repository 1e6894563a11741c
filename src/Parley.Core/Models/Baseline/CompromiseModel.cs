using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Baseline;

/// <summary>
/// The compromise model: the capability × salience weighted mean of the actors' positions,
/// <c>x̂ = Σᵢ cᵢ sᵢ xᵢ / Σᵢ cᵢ sᵢ</c>.
/// </summary>
/// <remarks>
/// Van den Bos (1991), <i>Dutch EC Policy Making</i>; Achen (2006), "Evaluating political
/// decision-making models", in Thomson, Stokman, Achen &amp; König (eds.), <i>The European Union
/// Decides</i>, CUP, ch. 10, eq. 10.1 (the "compromise model", the strongest baseline on the DEU data).
/// When every weight is zero (nobody cares) the forecast is the unweighted mean.
/// </remarks>
public sealed class CompromiseModel : PerIssueModel
{
    /// <inheritdoc />
    public override ModelInfo Info { get; } = new(
        "compromise",
        "Compromise (weighted mean)",
        "Van den Bos (1991); Achen (2006) in The European Union Decides, eq. 10.1",
        "Capability x salience weighted mean of the positions.");

    /// <inheritdoc />
    protected internal override double ForecastIssue(Issue issue, ReadOnlySpan<IssueStance> stances, object? prepared) =>
        WeightedMean(stances);

    /// <summary>The capability × salience weighted mean of <paramref name="stances"/>; the plain mean if all weights are 0.</summary>
    public static double WeightedMean(ReadOnlySpan<IssueStance> stances)
    {
        var count = stances.Length;
        var onHeap = count > StackLimit ? new double[2 * count] : null;
        var buffer = onHeap ?? stackalloc double[2 * count];
        var positions = buffer[..count];
        var weights = buffer[count..];
        for (var i = 0; i < count; i++)
        {
            positions[i] = stances[i].Position;
            weights[i] = stances[i].Weight;
        }

        return WeightedStatistics.Mean(positions, weights);
    }

    // Up to 256 actors the positions and weights live on the stack (4 KB): no allocation per Monte Carlo draw.
    private const int StackLimit = 256;
}

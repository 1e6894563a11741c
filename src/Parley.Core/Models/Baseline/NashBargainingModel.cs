using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Models.Baseline;

/// <summary>
/// The asymmetric Nash bargaining solution: the outcome x that maximises
/// <c>Πᵢ (uᵢ(x) − uᵢ(d))^(cᵢ sᵢ)</c> over the points every actor prefers to the disagreement point d.
/// </summary>
/// <remarks>
/// <para>Nash (1950), "The bargaining problem", <i>Econometrica</i> 18(2): 155–162; the asymmetric
/// (weighted) form of Kalai (1977), <i>Int. J. Game Theory</i> 6(3): 129–133, with bargaining
/// power cᵢ sᵢ as in Achen (2006), <i>The European Union Decides</i>, ch. 10, and Schneider,
/// Finke &amp; Bailer (2010), <i>Political Studies</i> 58(1).</para>
/// <para>Utility is a loss in the distance to the actor's position, measured in scale widths so
/// that the solution moves with the scale: <c>uᵢ(x) = −|x − xᵢ|/w</c> (parameter
/// <c>utility=linear</c>, the default) or <c>uᵢ(x) = −((x − xᵢ)/w)²</c> (<c>utility=quadratic</c>).</para>
/// <para>The disagreement point d is the issue's status quo. Agreement must leave every actor with
/// positive weight better off than d, so x lies in the intersection of the intervals
/// <c>(xᵢ − |d − xᵢ|, xᵢ + |d − xᵢ|)</c>; when that intersection is empty (some actors want to move
/// the status quo in opposite directions, or an actor's ideal is the status quo) no agreement
/// beats disagreement and the forecast is d itself. Without a status quo each actor's
/// disagreement utility is its utility of its worst point on the scale (the farther end), so only
/// that end is excluded. The objective's logarithm, <c>Σᵢ cᵢsᵢ log(uᵢ(x) − uᵢ(d))</c>, is concave
/// on the feasible interval; its maximum is found by bisection on the sign of its derivative to
/// machine precision. Actors with zero weight do not bargain; if all weights are 0 every actor
/// counts equally.</para>
/// </remarks>
public sealed class NashBargainingModel : PerIssueModel
{
    private const int BisectionSteps = 200;

    /// <inheritdoc />
    public override ModelInfo Info { get; } = new(
        "nash",
        "Nash bargaining solution (asymmetric)",
        "Nash (1950), Econometrica 18(2); Kalai (1977); Achen (2006) in The European Union Decides, ch. 10",
        "Maximises the capability x salience weighted product of gains over the status quo.");

    /// <summary>The <c>utility</c> parameter: linear or quadratic loss from an actor's position.</summary>
    public static ModelOptionDescription Utility { get; } = ModelOptionDescription.Choice(
        "utility", "linear", "Actors' utility: linear or quadratic in the distance from their position.", "linear", "quadratic");

    /// <inheritdoc />
    public override ImmutableArray<ModelOptionDescription> Options { get; } = [Utility];

    /// <inheritdoc />
    protected override object? Prepare(ModelOptions options) =>
        options.GetChoice(Utility) == "quadratic";

    /// <inheritdoc />
    protected internal override double ForecastIssue(Issue issue, ReadOnlySpan<IssueStance> stances, object? prepared)
    {
        var quadratic = prepared is true;
        var width = issue.ScaleWidth;
        var allZero = true;
        foreach (var stance in stances)
        {
            allZero &= stance.Weight <= 0;
        }

        // Feasible set: where every bargaining actor gains over disagreement.
        double low = issue.ScaleMin, high = issue.ScaleMax;
        var count = stances.Length;
        var ideals = new double[count];
        var weights = new double[count];
        var disagreementLoss = new double[count];
        for (var i = 0; i < count; i++)
        {
            ideals[i] = stances[i].Position;
            weights[i] = allZero ? 1.0 : stances[i].Weight;
            var radius = issue.StatusQuo is { } statusQuo
                ? Math.Abs(statusQuo - ideals[i])
                : Math.Max(ideals[i] - issue.ScaleMin, issue.ScaleMax - ideals[i]);
            disagreementLoss[i] = Loss(radius / width, quadratic);
            if (weights[i] > 0)
            {
                low = Math.Max(low, ideals[i] - radius);
                high = Math.Min(high, ideals[i] + radius);
            }
        }

        if (!(high > low))
        {
            return issue.StatusQuo ?? CompromiseModel.WeightedMean(stances);
        }

        // Bisection on the sign of the derivative of the concave log-objective.
        for (var step = 0; step < BisectionSteps; step++)
        {
            var middle = low + ((high - low) / 2);
            if (middle <= low || middle >= high)
            {
                break;
            }

            double slope = 0;
            for (var i = 0; i < count; i++)
            {
                if (weights[i] <= 0)
                {
                    continue;
                }

                var offset = (middle - ideals[i]) / width;
                var gain = disagreementLoss[i] - Loss(Math.Abs(offset), quadratic);
                var gainSlope = quadratic ? -2 * offset : -Math.Sign(offset);
                slope += weights[i] * gainSlope / (gain * width);
            }

            if (slope > 0)
            {
                low = middle;
            }
            else if (slope < 0)
            {
                high = middle;
            }
            else
            {
                return middle;
            }
        }

        return low + ((high - low) / 2);
    }

    private static double Loss(double distance, bool quadratic) => quadratic ? distance * distance : distance;
}

using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Backtesting;

/// <summary>
/// How wide a conformal interval is on one issue relative to another: the difficulty scale
/// s(issue) &gt; 0 that divides the absolute error in normalized (locally adaptive) split
/// conformal prediction, computed from the scenario alone, so that it is known before the outcome.
/// </summary>
/// <remarks>
/// <para>Normalized nonconformity (Papadopoulos, Proedrou, Vovk &amp; Gammerman 2002, "Inductive
/// confidence machines for regression", <i>ECML</i>; Lei, G'Sell, Rinaldo, Tibshirani &amp;
/// Wasserman 2018, "Distribution-free predictive inference for regression", <i>JASA</i> 113,
/// §5.2 "locally-weighted conformal"): the score of an issue is R = |ŷ − y| / s, q is the conformal
/// quantile of the calibration scores, and the interval is ŷ ± q·s. Any s computed without the
/// outcome keeps the coverage guarantee; a good s only makes the intervals narrower where the
/// issue is easy and wider where it is hard.</para>
/// <para><see cref="PositionSpread"/>: s = the standard deviation of the positions on the issue's
/// scale rescaled to 0–100, each actor weighted by salience × capability (the weights of the
/// compromise model), plus <see cref="Floor"/> points so that s &gt; 0 when everyone agrees.
/// On DEU III's development file this spread ranges from 0 to about 50 points; the floor of 5
/// was fixed before looking at widths, and 1, 10 or 20 give held-out coverage and widths within
/// a point or two of it (docs/validation.md). <see cref="Plain"/>: s = 1, the ordinary split
/// conformal interval, the same width on every issue.</para>
/// </remarks>
/// <param name="Kind"><see cref="PlainKind"/> or <see cref="PositionSpreadKind"/>, as files spell it.</param>
/// <param name="Floor">Points of 0–100 added to the spread; 0 for <see cref="Plain"/>.</param>
public sealed record ConformalScale(string Kind, double Floor)
{
    /// <summary>The name of the plain scale, s = 1.</summary>
    public const string PlainKind = "none";

    /// <summary>The name of the weighted spread of positions.</summary>
    public const string PositionSpreadKind = "position-spread";

    /// <summary>The floor of <see cref="PositionSpread"/>, in points of 0–100.</summary>
    public const double DefaultFloor = 5;

    /// <summary>s = 1: one width for every issue.</summary>
    public static ConformalScale Plain { get; } = new(PlainKind, 0);

    /// <summary>s = salience × capability weighted standard deviation of the positions (points of 0–100) + 5.</summary>
    public static ConformalScale PositionSpread { get; } = new(PositionSpreadKind, DefaultFloor);

    /// <summary>The names of the kinds, for messages.</summary>
    public static string KindNames => $"{PlainKind}, {PositionSpreadKind}";

    /// <summary>Whether s varies by issue.</summary>
    public bool IsNormalized => Kind != PlainKind;

    /// <summary>
    /// The scale of <paramref name="kind"/> with <paramref name="floor"/>; <c>null</c> for an unknown kind,
    /// a negative or non-finite floor, or a position spread whose floor is 0 (s could be 0).
    /// </summary>
    public static ConformalScale? From(string kind, double floor) => kind switch
    {
        PlainKind when floor == 0 => Plain,
        PositionSpreadKind when double.IsFinite(floor) && floor > 0 => new ConformalScale(kind, floor),
        _ => null,
    };

    /// <summary>s for an issue whose <see cref="IssueDifficulty"/> is <paramref name="spread"/> points; always &gt; 0.</summary>
    public double Of(double spread) => IsNormalized ? spread + Floor : 1;

    /// <summary>s for <paramref name="issue"/> of <paramref name="scenario"/>.</summary>
    public double Of(Scenario scenario, Issue issue) => Of(IssueDifficulty(scenario, issue));

    /// <summary>
    /// The salience × capability weighted standard deviation of the positions on <paramref name="issue"/>,
    /// in points of its scale rescaled to 0–100 (every position counts equally when every weight is 0);
    /// 0 when fewer than two actors take a stance.
    /// </summary>
    public static double IssueDifficulty(Scenario scenario, Issue issue)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(issue);
        var stances = scenario.StancesOn(issue.Id);
        if (stances.Length < 2)
        {
            return 0;
        }

        var positions = new double[stances.Length];
        var weights = new double[stances.Length];
        for (var i = 0; i < stances.Length; i++)
        {
            positions[i] = (stances[i].Position - issue.ScaleMin) / issue.ScaleWidth * 100;
            weights[i] = stances[i].Weight;
        }

        return WeightedStatistics.StandardDeviation(positions, weights);
    }

    /// <summary>A description for reports: <c>none (s = 1)</c> or <c>position-spread + 5</c>.</summary>
    public override string ToString() => IsNormalized
        ? string.Create(CultureInfo.InvariantCulture, $"{Kind} + {Floor:0.###}")
        : $"{Kind} (s = 1)";
}

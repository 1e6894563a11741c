using System.Globalization;

namespace Parley.Core.Influence;

/// <summary>A change of one actor's input on one issue and the forecast it leads to.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="Input"><c>position</c>, <c>salience</c> or <c>capability</c> (its capability on this issue).</param>
/// <param name="From">The input's value in the scenario.</param>
/// <param name="To">The changed value.</param>
/// <param name="Forecast">The issue's forecast with the change.</param>
/// <param name="RelativeSize">|To − From| relative to the input's range: the scale width for a position, 1 for a salience, the issue's total capability for a capability.</param>
public sealed record InputChange(string ActorId, string Input, double From, double To, double Forecast, double RelativeSize)
{
    /// <summary>
    /// Changes smaller than this share of the input's range (<see cref="RelativeSize"/>) are
    /// knife-edge: the forecast sits on a jump (a median switching actors, a tie between offers),
    /// and any change, however small, in that direction moves it.
    /// </summary>
    public const double KnifeEdgeSize = 1e-6;

    /// <summary><see cref="To"/> − <see cref="From"/>.</summary>
    public double Change => To - From;

    /// <summary>
    /// Lowest plausible value of the input: its own range in the scenario (<c>position_range</c>,
    /// <c>salience_range</c>, <c>capability_range</c>) or else the scenario's default spread around
    /// the estimate, the range Monte Carlo draws it from. NaN when not set (then no plausibility is claimed).
    /// </summary>
    public double PlausibleLow { get; init; } = double.NaN;

    /// <summary>Highest plausible value of the input (see <see cref="PlausibleLow"/>).</summary>
    public double PlausibleHigh { get; init; } = double.NaN;

    /// <summary>
    /// The other end of the search's bracket: the value nearest <see cref="To"/> that was tried and
    /// did not move the forecast by the shift (<see cref="From"/> when nothing nearer was tried).
    /// Where the forecast moves monotonically with the input, the smallest change that moves it lies
    /// in (<see cref="Unmoved"/>, <see cref="To"/>]; the search narrows that bracket to
    /// <see cref="InfluenceOptions.SearchPrecision"/> of the change. NaN when not recorded.
    /// </summary>
    public double Unmoved { get; init; } = double.NaN;

    /// <summary>Whether <see cref="To"/> lies in the plausible range [<see cref="PlausibleLow"/>, <see cref="PlausibleHigh"/>].</summary>
    public bool IsPlausible => To >= PlausibleLow && To <= PlausibleHigh;

    /// <summary>Whether the change is knife-edge (smaller than <see cref="KnifeEdgeSize"/> of the input's range).</summary>
    public bool IsKnifeEdge => RelativeSize < KnifeEdgeSize;

    /// <summary>
    /// The change in words, with as many digits as it takes to show it, e.g.
    /// <c>capability 35 -> 2230.52 (+2195.52), beyond the plausible 31.5-38.5</c> or
    /// <c>salience 0.6 -> 0.60000012 (+1.2e-07), knife-edge: any increase moves it</c>.
    /// </summary>
    public string Describe()
    {
        var digits = DecimalsToShow(Change);
        var text = $"{Input} {Fixed(From, digits)} -> {Fixed(To, digits)} ({Signed(Change)})";
        if (IsKnifeEdge)
        {
            return $"{text}, knife-edge: any {(Change > 0 ? "increase" : "decrease")} moves it";
        }

        return IsPlausible || double.IsNaN(PlausibleLow)
            ? text
            : $"{text}, beyond the plausible {Fixed(PlausibleLow, DecimalsToShow(PlausibleHigh - PlausibleLow))}-{Fixed(PlausibleHigh, DecimalsToShow(PlausibleHigh - PlausibleLow))}";
    }

    /// <summary>Decimals that show three significant digits of <paramref name="change"/> (at least 0, at most 15).</summary>
    private static int DecimalsToShow(double change) =>
        change == 0 || !double.IsFinite(change) ? 4 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(Math.Abs(change))), 0, 15);

    private static string Fixed(double value, int decimals) =>
        Math.Abs(value) >= 1e15 ? value.ToString("G6", CultureInfo.InvariantCulture) : value.ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);

    private static string Signed(double change) => (change >= 0 ? "+" : string.Empty) + change.ToString("G3", CultureInfo.InvariantCulture);
}

namespace Parley.Core.Uncertainty;

/// <summary>
/// How one input moves one issue's forecast: the forecast with the input at the low and at the
/// high end of its interval, every other input at its estimate, and the rank correlation of input
/// and forecast over the Monte Carlo draws.
/// </summary>
public sealed record TornadoBar
{
    /// <summary>The input.</summary>
    public required UncertainInput Input { get; init; }

    /// <summary>The forecast with the input at <see cref="UncertainInput.Low"/>.</summary>
    public required double ForecastAtLow { get; init; }

    /// <summary>The forecast with the input at <see cref="UncertainInput.High"/>.</summary>
    public required double ForecastAtHigh { get; init; }

    /// <summary>|ForecastAtHigh − ForecastAtLow|: the bar's width, on the scale, by which bars are ranked.</summary>
    public double Swing => Math.Abs(ForecastAtHigh - ForecastAtLow);

    /// <summary>Spearman's ρ between the input and the forecast over the draws, −1 to 1; <c>null</c> without draws or when the forecast did not vary.</summary>
    public double? RankCorrelation { get; init; }
}

namespace Parley.Core.Models.ExpectedUtility;

/// <summary>The model's options, read and checked once per run.</summary>
/// <param name="Variant">Which rules to follow.</param>
/// <param name="Q">Probability that the status quo holds, 0–1.</param>
/// <param name="T">Probability that, if the status quo does not hold, it moves the challenger's way, 0–1 (scholz variant only).</param>
/// <param name="UseMean">Whether the forecast (and the stop rule) uses the weighted mean rather than the weighted median.</param>
internal sealed record ExpectedUtilitySettings(ExpectedUtilityVariant Variant, double Q, double T, bool UseMean);

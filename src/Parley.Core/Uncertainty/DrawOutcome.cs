namespace Parley.Core.Uncertainty;

/// <summary>What one Monte Carlo draw reports besides its forecasts.</summary>
/// <param name="RoundsRun">Rounds a dynamic model ran; 0 for static models.</param>
/// <param name="Converged">Whether a dynamic model converged; <c>null</c> for static models.</param>
internal readonly record struct DrawOutcome(int RoundsRun, bool? Converged);

namespace Parley.Core.Domain;

/// <summary>
/// A position proposed by a tool rather than decided by the analyst (written as <c>kind: suggestion</c>):
/// never used by a model until the analyst copies it into the stance's position.
/// </summary>
/// <param name="Position">The proposed position on the scale.</param>
/// <param name="Basis">How it was computed, e.g. which anchor sentences the candidates resemble.</param>
public sealed record PositionSuggestion(double Position, string Basis);

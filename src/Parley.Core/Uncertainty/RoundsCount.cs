namespace Parley.Core.Uncertainty;

/// <summary>How many draws of a dynamic model ran a given number of rounds.</summary>
/// <param name="Rounds">Rounds run.</param>
/// <param name="Draws">Draws that ran that many.</param>
public readonly record struct RoundsCount(int Rounds, long Draws);

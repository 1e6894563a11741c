namespace Parley.Core.Domain;

/// <summary>
/// The uncertainty a scenario assumes for every input without its own range: each such input is
/// drawn uniformly from its estimate ± the spread, truncated to the input's valid range. A spread
/// of 0 holds that kind of input fixed.
/// </summary>
/// <param name="Position">Half-width for positions, as a fraction of the scale width (0.1 = ±10 % of the scale); 0–1.</param>
/// <param name="Salience">Half-width for saliences, on the 0–1 salience scale (0.1 = ±0.1); 0–1.</param>
/// <param name="Capability">Half-width for capabilities, as a fraction of the estimate (0.1 = ±10 %); 0–1.</param>
public sealed record DefaultSpread(double Position, double Salience, double Capability)
{
    /// <summary>±10 % of the scale for positions and saliences, ±10 % of the value for capabilities: the default when neither the scenario nor the caller gives one.</summary>
    public static DefaultSpread Standard { get; } = new(0.1, 0.1, 0.1);

    /// <summary>No default spread: only inputs with their own range vary.</summary>
    public static DefaultSpread None { get; } = new(0, 0, 0);

    /// <summary>The same <paramref name="spread"/> for positions, saliences and capabilities.</summary>
    public static DefaultSpread Uniform(double spread) => new(spread, spread, spread);

    /// <summary>Whether every half-width is a finite number from 0 to 1.</summary>
    public bool IsValid => IsFraction(Position) && IsFraction(Salience) && IsFraction(Capability);

    private static bool IsFraction(double value) => double.IsFinite(value) && value >= 0 && value <= 1;
}

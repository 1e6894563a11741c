namespace Parley.Core.Uncertainty;

/// <summary>Which number of a scenario an <see cref="UncertainInput"/> is.</summary>
public enum UncertainInputKind
{
    /// <summary>A stance's position, on the scale.</summary>
    Position,

    /// <summary>A stance's salience, 0–1.</summary>
    Salience,

    /// <summary>An actor's capability, or a stance's own capability on one issue.</summary>
    Capability,
}

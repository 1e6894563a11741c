namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>VictoryProbModel</c>: how coalition strengths become a probability of victory, <c>P(a&gt;b) = C(a:b)^ν / (C(a:b)^ν + C(b:a)^ν)</c>.</summary>
public enum SmpVictoryProbModel
{
    /// <summary>ν = 1 (KTAB's default).</summary>
    Linear,

    /// <summary>ν = 2.</summary>
    Square,

    /// <summary>ν = 4.</summary>
    Quartic,

    /// <summary>ν = 8.</summary>
    Octic,

    /// <summary>A sure win at a strength ratio of 1.1 or more, linear interpolation below.</summary>
    Binary,
}

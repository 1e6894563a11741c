namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>StateTransitions</c>: how each actor's bargain queue is resolved.</summary>
public enum SmpStateTransitions
{
    /// <summary>The most probable bargain wins (KTAB's default); ties go to the first in the queue.</summary>
    Deterministic,

    /// <summary>A bargain is drawn with its probability, from Parley's seeded generator.</summary>
    Stochastic,
}

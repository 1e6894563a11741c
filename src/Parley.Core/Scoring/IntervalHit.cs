namespace Parley.Core.Scoring;

/// <summary>One central interval of a forecast and whether the outcome fell inside it.</summary>
/// <param name="Interval">The interval.</param>
/// <param name="Inside">Whether the observed value lies in it (bounds included).</param>
public readonly record struct IntervalHit(CentralInterval Interval, bool Inside);

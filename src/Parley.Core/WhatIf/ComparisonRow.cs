namespace Parley.Core.WhatIf;

/// <summary>One issue at one stage (or in the final forecast), in the baseline and in the what-if.</summary>
/// <param name="StageId">The stage; <c>null</c> for the final forecast.</param>
/// <param name="IssueId">The issue.</param>
/// <param name="Baseline">The baseline forecast; <c>null</c> when the baseline has none there.</param>
/// <param name="Variant">The what-if forecast; <c>null</c> when the what-if has none there.</param>
/// <param name="Changed">Whether the what-if differs: a forecast appeared or vanished, or moved by more than <see cref="ForecastComparison.RelativeTolerance"/> of the scale.</param>
public sealed record ComparisonRow(string? StageId, string IssueId, double? Baseline, double? Variant, bool Changed)
{
    /// <summary>What-if minus baseline; <c>null</c> when either is missing.</summary>
    public double? Delta => Baseline is { } baseline && Variant is { } variant ? variant - baseline : null;

    /// <summary>Whether the row is the final forecast rather than one stage's.</summary>
    public bool IsFinal => StageId is null;
}

using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>
/// What is known about how an issue turned out: when it was observed and the evidence for it. The
/// value itself is <see cref="Issue.Outcome"/>; an observation without a value records that the
/// outcome could not be told (reports disagree, or nothing was observable by the horizon), with
/// <see cref="Note"/> saying why.
/// </summary>
public sealed record OutcomeObservation
{
    /// <summary>The date the outcome was observed, ISO 8601 (<c>2025-09-15</c>); <c>null</c> if not given.</summary>
    public string? Date { get; init; }

    /// <summary>Quotes or paraphrases of the reports the outcome is read from, and the analyst's judgement mapping them onto the scale.</summary>
    public ImmutableArray<Evidence> Evidence { get; init; } = [];

    /// <summary>A remark: why no value is recorded, or how the reports were weighed; <c>null</c> if none.</summary>
    public string? Note { get; init; }
}

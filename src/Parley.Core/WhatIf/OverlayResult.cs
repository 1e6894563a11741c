using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.WhatIf;

/// <summary>The scenario an overlay produced, or every reason it could not.</summary>
public sealed record OverlayResult
{
    /// <summary>The modified scenario; <c>null</c> when there are errors.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>Every edit that could not be applied (all of them, not only the first).</summary>
    public ImmutableArray<OverlayError> Errors { get; init; } = [];

    /// <summary>Whether the overlay applied cleanly.</summary>
    public bool Succeeded => Scenario is not null && Errors.IsEmpty;
}

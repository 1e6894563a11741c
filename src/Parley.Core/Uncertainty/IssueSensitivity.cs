using System.Collections.Immutable;

namespace Parley.Core.Uncertainty;

/// <summary>The inputs that move one issue's forecast, most first: a tornado table.</summary>
public sealed record IssueSensitivity
{
    /// <summary>The issue.</summary>
    public required string IssueId { get; init; }

    /// <summary>The forecast with every input at its estimate.</summary>
    public required double Estimate { get; init; }

    /// <summary>One bar per input, by decreasing <see cref="TornadoBar.Swing"/>, then decreasing |ρ|, then input order.</summary>
    public required ImmutableArray<TornadoBar> Bars { get; init; }
}

using System.Collections.Immutable;

namespace Parley.Core.Models.ExpectedUtility;

/// <summary>What the expected utility model ran with and how each issue went.</summary>
public sealed record ExpectedUtilityDetails : ModelDetails
{
    /// <summary><c>scholz</c> or <c>scholz-code</c>.</summary>
    public required string Variant { get; init; }

    /// <summary>The forecast statistic: <c>median</c> or <c>mean</c>.</summary>
    public required string Forecast { get; init; }

    /// <summary>Q, the probability that the status quo holds.</summary>
    public required double Q { get; init; }

    /// <summary>T, the probability that a moving status quo moves the challenger's way (scholz variant; unused when Q = 1).</summary>
    public required double T { get; init; }

    /// <summary>One summary per issue with stances, in scenario order.</summary>
    public required ImmutableArray<ExpectedUtilityIssueSummary> Issues { get; init; }
}

using System.Collections.Immutable;

namespace Parley.Core.Influence;

/// <summary>How much one actor holds the key to one issue's forecast.</summary>
public sealed record ActorInfluence
{
    /// <summary>The actor.</summary>
    public required string ActorId { get; init; }

    /// <summary>Forecast with every actor minus forecast without this one: how far its presence pulls the forecast, on the scale.</summary>
    public required double AbsenceShift { get; init; }

    /// <summary>
    /// Its Shapley value over participation: the mean, over every order in which actors could join,
    /// of the forecast move it causes on joining. The values of all actors sum to the forecast minus
    /// the reference point (<see cref="IssueInfluence.Reference"/>).
    /// </summary>
    public required double Shapley { get; init; }

    /// <summary>
    /// The standard error of a sampled <see cref="Shapley"/> value (the spread of the actor's
    /// marginal contributions over the sampled orders, over √orders); <c>null</c> when the value is
    /// exact, NaN when a single order was sampled. About 95 % of such estimates lie within two
    /// standard errors of the exact value.
    /// </summary>
    public double? ShapleyStandardError { get; init; }

    /// <summary>For each of its inputs (position, salience, capability) that can move the forecast by the requested shift, the smallest such change; empty when none can or the search was off.</summary>
    public ImmutableArray<InputChange> Changes { get; init; } = [];

    /// <summary>The change of smallest <see cref="InputChange.RelativeSize"/> among <see cref="Changes"/> (the first on ties); <c>null</c> when there is none.</summary>
    public InputChange? SmallestChange => Changes.IsEmpty ? null : Changes.MinBy(c => c.RelativeSize);

    /// <summary>Whether some change in <see cref="Changes"/> stays within its input's plausible range (see <see cref="InputChange.PlausibleLow"/>).</summary>
    public bool HasPlausibleChange => Changes.Any(c => c.IsPlausible);

    /// <summary>
    /// The smallest change in words, or why there is none: "none within range" when no value of any
    /// single input moves the forecast that far; "no plausible change" when the only changes that do
    /// lie outside the inputs' plausible ranges (the smallest then follows).
    /// </summary>
    public string DescribeSmallestChange() => SmallestChange switch
    {
        null => "none within range",
        { } change when !HasPlausibleChange && !double.IsNaN(change.PlausibleLow) => $"no plausible change; smallest: {change.Describe()}",
        { } change => change.Describe(),
    };
}

using System.Collections.Immutable;

namespace Parley.Reports.Charts;

/// <summary>
/// An axis of a <see cref="ChartSpec"/>: numeric from <see cref="Min"/> to <see cref="Max"/>, or,
/// when <see cref="Categories"/> is set, one slot per category; a point's coordinate on a
/// category axis is the category's index (0 for the first).
/// </summary>
/// <param name="Title">The axis title, with its unit.</param>
public sealed record ChartAxis(string Title)
{
    /// <summary>Lowest value shown; <c>null</c> to fit the data.</summary>
    public double? Min { get; init; }

    /// <summary>Highest value shown; <c>null</c> to fit the data.</summary>
    public double? Max { get; init; }

    /// <summary>Category labels (left to right on X, top to bottom on Y); empty for a numeric axis.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Whether only whole numbers are meaningful (rounds): ticks fall on integers.</summary>
    public bool Integer { get; init; }

    /// <summary>Whether this is a category axis.</summary>
    public bool IsCategory => !Categories.IsDefaultOrEmpty;

    /// <summary>A numeric axis over [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ChartAxis Numeric(string title, double? min = null, double? max = null) => new(title) { Min = min, Max = max };

    /// <summary>A category axis.</summary>
    public static ChartAxis WithCategories(string title, IEnumerable<string> categories) => new(title) { Categories = [.. categories] };
}

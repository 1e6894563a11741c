using System.Collections.Immutable;

namespace Parley.Application;

/// <summary>
/// Which models to run and how, as a front end received it (unchecked): the command line's
/// <c>--model</c>, <c>--rounds</c>, <c>--tolerance</c>, <c>--seed</c>, <c>--trace</c>,
/// <c>--variant</c>, <c>--forecast</c>, <c>--rex-p</c> and <c>--param</c>. <see cref="ModelChoice.Resolve"/>
/// checks it against the chosen models' option descriptions.
/// </summary>
public sealed record ModelRequest
{
    /// <summary>Model ids, comma-separated, or <c>all</c>.</summary>
    public string Models { get; init; } = "all";

    /// <summary>Whether several models (and <c>all</c>) may be chosen; <c>false</c> for analyses of one model.</summary>
    public bool AllowSeveral { get; init; } = true;

    /// <summary>Dynamic models: run exactly this many rounds (1 to 10,000).</summary>
    public int? Rounds { get; init; }

    /// <summary>Dynamic models: convergence tolerance on the scale (finite, above 0).</summary>
    public double? Tolerance { get; init; }

    /// <summary>Seed of the run's randomness (any 64-bit unsigned integer).</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether dynamic models record every round.</summary>
    public bool Trace { get; init; }

    /// <summary>Model parameters in the order given.</summary>
    public ImmutableArray<ParameterSetting> Parameters { get; init; } = [];
}

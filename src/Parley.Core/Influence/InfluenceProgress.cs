namespace Parley.Core.Influence;

/// <summary>The two parts of an influence analysis, in the order they run.</summary>
public enum InfluencePhase
{
    /// <summary>The model runs of the coalitions the absence shifts and Shapley values need.</summary>
    Coalitions,

    /// <summary>The smallest-change searches, one per issue, player and input.</summary>
    Searches,
}

/// <summary>
/// How far an influence analysis has got within its current phase (<see cref="InfluenceOptions.PhaseProgress"/>):
/// <paramref name="Done"/> of <paramref name="Total"/> coalition runs or searches. Each phase is reported
/// first with 0 done, so its total is known before any of its work ends.
/// </summary>
/// <param name="Phase">The phase.</param>
/// <param name="Done">Coalition runs or searches finished in it (reported from every core, so not always in order).</param>
/// <param name="Total">The phase's coalition runs or searches.</param>
public readonly record struct InfluenceProgress(InfluencePhase Phase, long Done, long Total);

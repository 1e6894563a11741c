namespace Parley.Core.Models.ExpectedUtility;

/// <summary>Which rules the expected utility model follows (parameter <c>variant</c>).</summary>
public enum ExpectedUtilityVariant
{
    /// <summary>
    /// <c>scholz</c>, the default: the rules as Scholz, Calbert &amp; Smith (2011) state them. P is normalised
    /// per contest, offers include capitulation, each actor takes the offer that moves it least,
    /// the status quo term has Q and T, and the run stops when the forecast settles.
    /// </summary>
    Scholz,

    /// <summary>
    /// <c>scholz-code</c>: the rules of the open replication that claims to match Scholz's own code
    /// (jmckib/bdm-scholz-expected-utility-model), flaws included: P normalised by the votes over all
    /// ordered pairs, offer types tried in a fixed order, capitulation never taken, compromises
    /// ranked by a weighted position, distances scaled by the initial range of positions.
    /// </summary>
    ScholzCode,
}

namespace Parley.Formats.Deu;

/// <summary>Where the DEU reader takes the actors' capabilities from.</summary>
public enum DeuCapability
{
    /// <summary>Every actor has capability 1 (the default): only positions and saliences count.</summary>
    Equal,

    /// <summary>The GDP figures of the file's capability row (row 2), as a prior replication used them.</summary>
    Gdp,

    /// <summary>
    /// Council voting power under the row's decision rule and period (Shapley–Shubik index of
    /// the qualified-majority rule, or 1/n under unanimity), with the Commission and the
    /// Parliament weighted by procedure (see <see cref="DeuVotingWeights"/>).
    /// </summary>
    Votes,
}

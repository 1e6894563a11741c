namespace Parley.Formats.Deu;

/// <summary>What one backtest case of a DEU data set holds.</summary>
public enum DeuCaseUnit
{
    /// <summary>One issue row: a one-issue scenario (the default).</summary>
    Issue,

    /// <summary>All the issue rows of one proposal: a multi-issue scenario, for models that trade across issues.</summary>
    Proposal,
}

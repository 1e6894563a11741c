namespace Parley.Core.Models.ExpectedUtility;

/// <summary>How the expected utility model ran on one issue.</summary>
/// <param name="IssueId">The issue.</param>
/// <param name="RoundsRun">Rounds played on it.</param>
/// <param name="Converged">Whether the forecast moved by at most <paramref name="Tolerance"/> in the last round played.</param>
/// <param name="InitialMean">Capability × salience weighted mean of the initial positions.</param>
/// <param name="InitialMedian">Capability × salience weighted median of the initial positions.</param>
/// <param name="FinalMean">Weighted mean of the final positions.</param>
/// <param name="FinalMedian">Weighted median of the final positions.</param>
/// <param name="Tolerance">The stop tolerance used, on the issue's scale.</param>
public sealed record ExpectedUtilityIssueSummary(
    string IssueId,
    int RoundsRun,
    bool Converged,
    double InitialMean,
    double InitialMedian,
    double FinalMean,
    double FinalMedian,
    double Tolerance);

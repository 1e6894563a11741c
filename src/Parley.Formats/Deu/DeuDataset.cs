using System.Collections.Immutable;
using Parley.Core.Backtesting;

namespace Parley.Formats.Deu;

/// <summary>What reading a DEU file gave: every valid row, and every problem found in the others.</summary>
public sealed record DeuDataset
{
    /// <summary>The file as the user named it.</summary>
    public required string FileName { get; init; }

    /// <summary>The capabilities the scenarios carry.</summary>
    public required DeuCapability Capability { get; init; }

    /// <summary>Every valid issue row, in file order (rows with problems are left out and reported).</summary>
    public required ImmutableArray<DeuIssue> Rows { get; init; }

    /// <summary>Every problem, sorted by line then column; empty when the whole file is valid.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>Whether the file had no problems.</summary>
    public bool Succeeded => Diagnostics.IsEmpty;

    /// <summary>The rows with a known outcome as backtest cases, grouped by proposal so cross-validation keeps a proposal's issues together.</summary>
    public ImmutableArray<BacktestCase> ToBacktestCases() =>
        [.. Rows.Where(r => r.Outcome is not null).Select(r => new BacktestCase(r.IssueId, r.Scenario, r.ProposalNumber))];
}

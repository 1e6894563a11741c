using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>The accuracy of every model of a backtest over the same cases.</summary>
public sealed record BacktestResult
{
    /// <summary>Number of cases run.</summary>
    public required int Cases { get; init; }

    /// <summary>Number of issues with a known outcome across the cases.</summary>
    public required int IssuesWithOutcome { get; init; }

    /// <summary>One entry per model, in the order the models were given.</summary>
    public required ImmutableArray<ModelAccuracy> Models { get; init; }

    /// <summary>
    /// The plain compromise model's errors on the same cases, in case order: the baseline every
    /// model's <see cref="ModelAccuracy.MeanErrorVsCompromise"/> is measured against.
    /// </summary>
    public ImmutableArray<IssueError> BaselineErrors { get; init; } = [];
}

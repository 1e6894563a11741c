using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>The out-of-sample accuracy of the selection procedure, and what it chooses on all the data.</summary>
public sealed record NestedCrossValidationResult
{
    /// <summary>Number of outer folds.</summary>
    public required int Folds { get; init; }

    /// <summary>Number of inner folds the procedure uses on each training set (fewer when a training set has fewer groups).</summary>
    public required int InnerFolds { get; init; }

    /// <summary>Number of issues scored out of sample.</summary>
    public required int Count { get; init; }

    /// <summary>Mean absolute error of each held-out fold's forecasts by the candidate chosen without it, in points of 0–100.</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>The held-out errors against the baseline's on the same issues: mean of (|error| − |baseline error|) with its 95 % interval over groups.</summary>
    public required BootstrapInterval VersusBaseline { get; init; }

    /// <summary>The procedure's choice in each outer fold, fold by fold.</summary>
    public required ImmutableArray<SelectionStep> FoldChoices { get; init; }

    /// <summary>The procedure's choice on all the data: what a model chosen by it ships with.</summary>
    public required SelectionStep FullData { get; init; }

    /// <summary>Each candidate's mean absolute error on all the data, in candidate order.</summary>
    public required ImmutableArray<double> CandidateMeanAbsoluteErrors { get; init; }

    /// <summary>The out-of-sample errors, in case order.</summary>
    public required ImmutableArray<IssueError> Errors { get; init; }
}

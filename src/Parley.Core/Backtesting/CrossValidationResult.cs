using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>The out-of-sample accuracy of choosing a model configuration by its training error.</summary>
public sealed record CrossValidationResult
{
    /// <summary>Number of folds.</summary>
    public required int Folds { get; init; }

    /// <summary>Number of issues scored out of sample.</summary>
    public required int Count { get; init; }

    /// <summary>Mean absolute error of the forecasts made with the configuration chosen on the other folds, in points of 0–100.</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>The configuration chosen in each fold (its index in the candidate list), fold by fold.</summary>
    public required ImmutableArray<int> ChosenPerFold { get; init; }

    /// <summary>Index of the configuration with the lowest error on all the data (the in-sample choice).</summary>
    public required int InSampleBest { get; init; }

    /// <summary>Each candidate's mean absolute error on all the data, in candidate order.</summary>
    public required ImmutableArray<double> CandidateMeanAbsoluteErrors { get; init; }

    /// <summary>The out-of-sample errors, in case order.</summary>
    public required ImmutableArray<IssueError> Errors { get; init; }
}

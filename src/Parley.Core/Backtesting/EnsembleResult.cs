using System.Collections.Immutable;

namespace Parley.Core.Backtesting;

/// <summary>An ensemble's nested cross-validation on a backtest (<see cref="Ensembles"/>).</summary>
public sealed record EnsembleResult
{
    /// <summary>The rule's name in reports, e.g. <c>ensemble-least-squares</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The rule.</summary>
    public required EnsembleRule Rule { get; init; }

    /// <summary>The models combined, in report order.</summary>
    public required ImmutableArray<string> Members { get; init; }

    /// <summary>Issues scored (each on the fold that held it out).</summary>
    public required int Count { get; init; }

    /// <summary>MAE on held-out folds: the weights or choices of each fold were fitted on the other folds only.</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>Held-out |error| − compromise |error|, with its 95 % cluster-bootstrap interval over proposals.</summary>
    public required BootstrapInterval VersusCompromise { get; init; }

    /// <summary>What each outer fold fitted, e.g. <c>compromise 0.62, eum 0.38</c> or <c>≤ 21 actors: compromise; &gt; 21: eum</c>.</summary>
    public required ImmutableArray<string> FoldChoices { get; init; }

    /// <summary>What the rule fits on all the data.</summary>
    public required string FullData { get; init; }

    /// <summary>Every held-out error, in case order then issue order.</summary>
    public required ImmutableArray<IssueError> Errors { get; init; }
}

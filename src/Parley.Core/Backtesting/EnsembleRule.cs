namespace Parley.Core.Backtesting;

/// <summary>How an ensemble combines the backtested models' forecasts (<see cref="Ensembles"/>).</summary>
public enum EnsembleRule
{
    /// <summary>The plain mean of the members' forecasts (nothing fitted).</summary>
    Mean,

    /// <summary>Weights proportional to 1 / training MAE.</summary>
    InverseMae,

    /// <summary>Non-negative weights summing to one that minimise the training squared error.</summary>
    LeastSquares,

    /// <summary>The member with the lowest training MAE within the bucket of the number of actors (at or below the training median, above).</summary>
    ByActors,

    /// <summary>The same by the spread of positions (standard deviation, points of 0–100).</summary>
    BySpread,

    /// <summary>The same by the proposal's legislative procedure (<c>rules.procedure</c>).</summary>
    ByProcedure,

    /// <summary>The same by the Council's voting rule (<c>rules.decision</c>).</summary>
    ByVotingRule,
}

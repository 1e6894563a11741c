using Parley.Core.Domain;

namespace Parley.Core.Models;

/// <summary>
/// A negotiation model: from a scenario to a forecast per issue. Every model implements this one
/// interface so that the CLI, Monte Carlo, backtests and stages treat them alike.
/// Implementations are stateless and thread-safe: one instance may run many scenarios at once.
/// </summary>
public interface IModel
{
    /// <summary>Id, name and citation of the model.</summary>
    ModelInfo Info { get; }

    /// <summary>Runs the model on <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="options">Run options; models read only those they document.</param>
    /// <param name="cancellationToken">Stops a long run between rounds.</param>
    /// <returns>The forecast for every issue that has at least one stance, in scenario order.</returns>
    /// <exception cref="ModelOptionException">An option has a value the model cannot use.</exception>
    ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default);
}

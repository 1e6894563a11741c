using System.Collections.Immutable;
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

    /// <summary>
    /// The options the model takes (parameters and the run options rounds/tolerance it reads), with
    /// types, ranges and defaults: the one description front ends generate their flags and checks from.
    /// A model that lists none takes no options.
    /// </summary>
    ImmutableArray<ModelOptionDescription> Options => [];

    /// <summary>
    /// Whether the forecast can depend on a stance's own capability (<see cref="Stance.Capability"/>,
    /// an actor's capability on one issue). A model that weighs each actor by one capability on every
    /// issue (KTAB's SMP) returns <c>false</c>: changing a stance's capability, as long as no
    /// capability exceeds 2⁶⁴ (where capabilities are rescaled), leaves every forecast bit for bit
    /// the same, so analyses need not run such changes.
    /// </summary>
    bool ReadsStanceCapability => true;

    /// <summary>Runs the model on <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="options">Run options; models read only those in <see cref="Options"/>.</param>
    /// <param name="cancellationToken">Stops a long run between rounds.</param>
    /// <returns>The forecast for every issue that has at least one stance, in scenario order.</returns>
    /// <exception cref="ModelOptionException">An option has a value the model cannot use.</exception>
    ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default);
}

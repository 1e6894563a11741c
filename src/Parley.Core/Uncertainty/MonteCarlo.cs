using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Monte Carlo forecasts: runs a model on many draws of a scenario's uncertain inputs and
/// summarises each issue's forecast (mean, standard deviation, quantiles, histogram) and, for
/// dynamic models, the number of rounds.
/// </summary>
/// <remarks>
/// <para>Draw i takes its inputs from the xoshiro256** stream (seed, i)
/// (<see cref="Numerics.Xoshiro256StarStar.ForStream"/>): one uniform per uncertain input, in
/// <see cref="ScenarioSampler.Inputs"/> order, then one 64-bit seed for the model. Draws run on
/// several threads in blocks, and blocks are merged into the statistics strictly in draw order,
/// so the result is bit-for-bit the same on any number of threads.</para>
/// <para>Memory is constant in the number of draws: Welford's running mean and variance, and for
/// quantiles a histogram of 10,000 equal bins over the scale (quantile precision: a
/// ten-thousandth of the scale; see <see cref="Numerics.FixedBinHistogram"/>).</para>
/// <para>Cancellation stops at the next draw; the result then covers the draws merged so far,
/// always a prefix 0 … n − 1 of the draws, and is flagged <see cref="MonteCarloResult.Partial"/>.</para>
/// </remarks>
public static class MonteCarlo
{
    /// <summary>The probabilities of the reported quantiles: 5, 25, 50, 75 and 95 %.</summary>
    public static ImmutableArray<double> QuantileProbabilities { get; } = [0.05, 0.25, 0.5, 0.75, 0.95];

    /// <summary>Runs <paramref name="model"/> on <see cref="MonteCarloOptions.Draws"/> draws of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="model">Any model; static per-issue models run without building a scenario per draw.</param>
    /// <param name="options">Draws, seed, threads, spread and the model's options.</param>
    /// <param name="cancellationToken">Stops the run early; the result is then partial, not an exception.</param>
    /// <exception cref="ModelOptionException">The model rejects its options.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="MonteCarloOptions"/>).</exception>
    public static MonteCarloResult Run(Scenario scenario, IModel model, MonteCarloOptions options, CancellationToken cancellationToken = default) =>
        new MonteCarloRunner(scenario, model, options).Run(cancellationToken, out _);

    /// <summary>As <see cref="Run"/>, also returning the first draws kept for rank correlations.</summary>
    internal static MonteCarloResult RunKeepingSample(Scenario scenario, IModel model, MonteCarloOptions options, CancellationToken cancellationToken, out DrawSample? sample) =>
        new MonteCarloRunner(scenario, model, options).Run(cancellationToken, out sample);
}

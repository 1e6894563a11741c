using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Tests.Shared;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>
/// A round's candidates evaluated four at a time in vector lanes give the same runs, number for
/// number, as the candidates evaluated one by one, on generated scenarios and on edge cases:
/// actors sharing a position (zero distances), positions of -0 and on the scale's ends, and
/// saliences and capabilities many orders of magnitude apart.
/// </summary>
public sealed class ExchangeLanesTests
{
    private static readonly Gen<(double Capability, (double Position, double Salience, bool Present)[] Stances)[]> Actors =
        Gen.Select(Gen.Double[0, 10], Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 4]).Select((p, s, k) => (p, s, k != 0)).Array[4]).Array[2, 14];

    // Positions from a handful of values (many actors share one, some sit on the ends or at -0),
    // saliences and capabilities from 1e-12 to 1.
    private static readonly Gen<double> EdgePosition = Gen.OneOfConst(0.0, -0.0, 1.0, 0.5, 0.25, 0.75, 1e-12, 1 - 1e-12);
    private static readonly Gen<double> EdgeSize = Gen.OneOf(Gen.OneOfConst(1e-12, 1e-6, 1.0, 0.5), Gen.Double[1e-9, 1]);

    private static readonly Gen<(double Capability, (double Position, double Salience, bool Present)[] Stances)[]> EdgeActors =
        Gen.Select(EdgeSize, Gen.Select(EdgePosition, EdgeSize, Gen.Int[0, 5]).Select((p, s, k) => (p, s, k != 0)).Array[5]).Array[2, 16];

    /// <summary>Whether the run in lanes and the run one by one give the same numbers, under the option set <paramref name="choice"/>.</summary>
    private static bool LanesMatch(Scenario scenario, int choice, ulong seed)
    {
        var options = Options(choice, seed);
        return Run(scenario, options, inLanes: true) == Run(scenario, options, inLanes: false);
    }

    private static string Run(Scenario scenario, ModelOptions options, bool inLanes) =>
        ExchangeEngineEquivalenceTests.Fingerprint(new ExchangeModel(ExchangeParallelism.Sequential, inLanes: inLanes).Run(scenario, options));

    private static ModelOptions Options(int choice, ulong seed)
    {
        var options = new ModelOptions { Rounds = 5, Trace = true, Seed = seed };
        return choice switch
        {
            1 => options.WithParameter("boundary", "short"),
            2 => options.WithParameter("ties", "coin"),
            3 => options.WithParameter("rex-p", "0.5"),
            _ => options,
        };
    }

    [Fact]
    public void Exchange_AnyScenario_LanesEqualOneByOneBitForBit()
    {
        Gen.Select(Actors, Gen.Int[0, 3], Gen.ULong).Sample((actors, choice, seed) => LanesMatch(RandomExchangeScenarios.Build(actors), choice, seed), iter: TestSize.Cases(1000));
    }

    [Fact]
    public void Exchange_SharedPositionsZeroesAndExtremeSizes_LanesEqualOneByOneBitForBit()
    {
        Gen.Select(EdgeActors, Gen.Int[0, 3], Gen.ULong).Sample((actors, choice, seed) => LanesMatch(RandomExchangeScenarios.Build(actors, min: -0.0, max: 1), choice, seed), iter: TestSize.Cases(1000));
    }

    [Fact]
    public void Exchange_TwoOrThreeActors_LanesEqualOneByOneBitForBit()
    {
        // Two actors alone on an issue: a supplier's full move lands the outcome exactly on its
        // partner, at the cut's boundary (Reached), where the lanes must decide as Evaluate does.
        Gen.Select(Actors.Where(a => a.Length <= 3), Gen.Int[0, 3], Gen.ULong).Sample((actors, choice, seed) => LanesMatch(RandomExchangeScenarios.Build(actors), choice, seed), iter: TestSize.Cases(2000));
    }

    [Fact]
    public void Exchange_FortyActorsTwelveIssues_LanesEqualOneByOneBitForBit()
    {
        var random = new Random(31);
        var actors = Enumerable.Range(0, 40)
            .Select(_ => (1 + (random.NextDouble() * 99), Enumerable.Range(0, 12).Select(_ => (Math.Round(random.NextDouble(), 1), 0.05 + (random.NextDouble() * 0.95), random.Next(8) != 0)).ToArray()))
            .ToArray();
        var scenario = RandomExchangeScenarios.Build(actors);
        var options = new ModelOptions { Rounds = 10, Trace = true };

        var inLanes = Run(scenario, options, inLanes: true);

        Assert.Contains("round 10", inLanes, StringComparison.Ordinal);
        Assert.Equal(Run(scenario, options, inLanes: false), inLanes);
    }
}

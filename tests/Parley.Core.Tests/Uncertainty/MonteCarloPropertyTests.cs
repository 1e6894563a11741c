using System.Text.Json;
using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Uncertainty;

namespace Parley.Core.Tests.Uncertainty;

/// <summary>Invariants of Monte Carlo runs on random one-issue scenarios (CsCheck).</summary>
public sealed class MonteCarloPropertyTests
{
    private static readonly IModel[] Baselines = [new CompromiseModel(), new MedianModel(), new NashBargainingModel()];

    private static readonly Gen<(double Position, double Salience, double Capability)[]> Actors =
        Gen.Select(Gen.Double[0, 100], Gen.Double[0.01, 1], Gen.Double[0.1, 100]).Array[1, 8];

    private static readonly Gen<DefaultSpread> Spreads =
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1]).Select((p, s, c) => new DefaultSpread(p, s, c));

    [Fact]
    public void Statistics_AreOrderedAndOnTheScale_AndThreadIndependent()
    {
        Gen.Select(Actors, Spreads, Gen.ULong, Gen.Int[0, 2]).Sample((actors, spread, seed, modelIndex) =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, 40, actors);
            var options = new MonteCarloOptions { Draws = 300, Seed = seed, Spread = spread, Threads = 1 };
            var result = MonteCarlo.Run(scenario, Baselines[modelIndex], options);
            var issue = Assert.Single(result.Issues);

            Assert.InRange(issue.Min, 0, 100);
            Assert.InRange(issue.Max, issue.Min, 100);
            Assert.InRange(issue.Mean, issue.Min - 1e-9, issue.Max + 1e-9);
            Assert.True(issue.StandardDeviation >= 0);
            var quantiles = issue.Quantiles.Select(q => q.Value).ToArray();
            Assert.Equal(quantiles.Order(), quantiles);
            Assert.InRange(quantiles[0], issue.Min, issue.Max);
            Assert.InRange(quantiles[^1], issue.Min, issue.Max);
            Assert.Equal(300, issue.Histogram.Sum(b => b.Count));
            Assert.Equal(
                JsonSerializer.Serialize(result),
                JsonSerializer.Serialize(MonteCarlo.Run(scenario, Baselines[modelIndex], options with { Threads = 3 })));
        }, iter: 40);
    }

    [Fact]
    public void DrawnInputs_StayInTheirValidRanges()
    {
        Gen.Select(Actors, Spreads, Gen.ULong).Sample((actors, spread, seed) =>
        {
            var sampler = new ScenarioSampler(TestScenarios.OneIssue(0, 100, null, actors), spread);
            var values = new double[sampler.InputCount];
            var random = Parley.Core.Numerics.Xoshiro256StarStar.ForStream(seed, 0);
            sampler.Draw(ref random, values);
            var drawn = sampler.Apply(values);
            Assert.All(drawn.Stances, s => Assert.InRange(s.Position, 0, 100));
            Assert.All(drawn.Stances, s => Assert.InRange(s.Salience, 0, 1));
            Assert.All(drawn.Actors, a => Assert.True(a.Capability >= 0));
        });
    }
}

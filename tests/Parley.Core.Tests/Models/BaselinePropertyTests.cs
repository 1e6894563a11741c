using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Models;

/// <summary>Invariants every baseline model keeps, checked on random scenarios (CsCheck).</summary>
public sealed class BaselinePropertyTests
{
    private static readonly IModel[] Baselines = [new CompromiseModel(), new MedianModel(), new NashBargainingModel()];

    private static readonly Gen<(double Position, double Salience, double Capability)[]> Actors =
        Gen.Select(Gen.Double[0, 100], Gen.Double[0.01, 1], Gen.Double[0.1, 100]).Array[1, 12];

    private static readonly Gen<double?> StatusQuo = Gen.Frequency((1, Gen.Const((double?)null)), (2, Gen.Double[0, 100].Select(d => (double?)d)));

    private static double Forecast(IModel model, Scenario scenario) =>
        model.Run(scenario, ModelOptions.Default).Issues.Single().Forecast;

    [Fact]
    public void Compromise_IsTheExactWeightedMean()
    {
        Actors.Sample(actors =>
        {
            var expected = actors.Sum(a => a.Position * a.Salience * a.Capability) / actors.Sum(a => a.Salience * a.Capability);
            var actual = Forecast(new CompromiseModel(), TestScenarios.OneIssue(0, 100, null, actors));
            Assert.Equal(expected, actual, 1e-9);
        });
    }

    [Fact]
    public void Median_IsAnActorsPosition_WithAtLeastHalfTheWeightOnEachSide()
    {
        Actors.Sample(actors =>
        {
            var median = Forecast(new MedianModel(), TestScenarios.OneIssue(0, 100, null, actors));
            Assert.Contains(median, actors.Select(a => a.Position));
            var total = actors.Sum(a => a.Salience * a.Capability);
            var atOrBelow = actors.Where(a => a.Position <= median).Sum(a => a.Salience * a.Capability);
            var atOrAbove = actors.Where(a => a.Position >= median).Sum(a => a.Salience * a.Capability);
            Assert.True(atOrBelow >= (total / 2) - 1e-9 && atOrAbove >= (total / 2) - 1e-9);
        });
    }

    [Fact]
    public void EveryBaseline_ForecastLiesOnTheScale()
    {
        Gen.Select(Actors, StatusQuo).Sample((actors, statusQuo) =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, statusQuo, actors);
            foreach (var model in Baselines)
            {
                var forecast = Forecast(model, scenario);
                Assert.InRange(forecast, 0, 100);
            }
        });
    }

    [Fact]
    public void EveryBaseline_DoesNotDependOnActorOrder()
    {
        Gen.Select(Actors, StatusQuo, Gen.Int).Sample((actors, statusQuo, seed) =>
        {
            var shuffled = actors.ToArray();
            new Random(seed).Shuffle(shuffled);
            foreach (var model in Baselines)
            {
                var original = Forecast(model, TestScenarios.OneIssue(0, 100, statusQuo, actors));
                var reordered = Forecast(model, TestScenarios.OneIssue(0, 100, statusQuo, shuffled));
                Assert.Equal(original, reordered, 1e-9);
            }
        });
    }

    [Fact]
    public void EveryBaseline_MovesWithAnAffineRescalingOfTheScale()
    {
        Gen.Select(Actors, StatusQuo, Gen.Double[0.1, 10], Gen.Double[-500, 500]).Sample((actors, statusQuo, factor, shift) =>
        {
            var rescaled = actors.Select(a => ((a.Position * factor) + shift, a.Salience, a.Capability)).ToArray();
            var rescaledScenario = TestScenarios.OneIssue(shift, (100 * factor) + shift, (statusQuo * factor) + shift, rescaled);
            foreach (var model in Baselines)
            {
                var original = Forecast(model, TestScenarios.OneIssue(0, 100, statusQuo, actors));
                var moved = Forecast(model, rescaledScenario);
                Assert.Equal((original * factor) + shift, moved, 1e-6 * Math.Max(1, Math.Abs(moved)));
            }
        });
    }

    [Fact]
    public void EveryBaseline_IsUnchangedByScalingAllCapabilities()
    {
        Gen.Select(Actors, StatusQuo, Gen.Double[0.01, 1000]).Sample((actors, statusQuo, factor) =>
        {
            var scaled = actors.Select(a => (a.Position, a.Salience, a.Capability * factor)).ToArray();
            foreach (var model in Baselines)
            {
                Assert.Equal(
                    Forecast(model, TestScenarios.OneIssue(0, 100, statusQuo, actors)),
                    Forecast(model, TestScenarios.OneIssue(0, 100, statusQuo, scaled)),
                    1e-6);
            }
        });
    }

    [Fact]
    public void Nash_AgreementLeavesEveryActorNoWorseThanTheStatusQuo()
    {
        Gen.Select(Actors, Gen.Double[0, 100]).Sample((actors, statusQuo) =>
        {
            var forecast = Forecast(new NashBargainingModel(), TestScenarios.OneIssue(0, 100, statusQuo, actors));
            foreach (var actor in actors)
            {
                Assert.True(Math.Abs(forecast - actor.Position) <= Math.Abs(statusQuo - actor.Position) + 1e-9);
            }
        });
    }
}

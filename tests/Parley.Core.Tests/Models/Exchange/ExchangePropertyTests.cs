using CsCheck;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Models.Exchange;

public sealed class ExchangePropertyTests
{
    // Per actor: capability, then per issue (position 0-1 of the scale, salience, has a stance).
    private static readonly Gen<(double Capability, (double Position, double Salience, bool Present)[] Stances)[]> Actors =
        Gen.Select(Gen.Double[0, 10], Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Bool).Array[3]).Array[2, 8];

    [Fact]
    public void Exchange_AnyScenario_ForecastsFiniteOutcomesOnTheScale()
    {
        Gen.Select(Actors, Gen.Double[-50, 50], Gen.Double[0.5, 200]).Sample((actors, min, width) =>
        {
            var result = new ExchangeModel().Run(RandomExchangeScenarios.Build(actors, min, min + width), new ModelOptions { Rounds = 5, Trace = true });
            return result.Issues.All(f => double.IsFinite(f.Forecast) && f.Forecast >= min - 1e-9 && f.Forecast <= min + width + 1e-9)
                && result.Rounds.Cast<ExchangeRoundTrace>().SelectMany(r => r.Exchanges).All(e => e.Gain > 0 && double.IsFinite(e.FirstTo) && double.IsFinite(e.SecondTo));
        });
    }

    [Fact]
    public void Exchange_AnyScenario_IsScaleInvariant()
    {
        Gen.Select(Actors, Gen.Double[-50, 50], Gen.Double[0.5, 200]).Sample((actors, min, width) =>
        {
            var onHundred = new ExchangeModel().Run(RandomExchangeScenarios.Build(actors, 0, 100), new ModelOptions { Rounds = 5 });
            var onScale = new ExchangeModel().Run(RandomExchangeScenarios.Build(actors, min, min + width), new ModelOptions { Rounds = 5 });
            return onHundred.Issues.Zip(onScale.Issues).All(pair => Math.Abs(min + (pair.First.Forecast * width / 100) - pair.Second.Forecast) <= 1e-6 * Math.Max(1, width));
        });
    }

    [Fact]
    public void Exchange_OutcomeCutOntoTheDemander_GivesTheSameForecastOnAnyScale()
    {
        // A case the property above found: a cut lands the outcome a demander sees exactly on it,
        // so whether the next move to that demander was cut to nothing or not cut at all depended
        // on rounding, which differs between the two scales.
        (double, (double, double, bool)[])[] actors =
        [
            (5.966666666666667, [(1, 0.2702702702702703, true), (0.3177736129638371, 0.11892522149761686, true), (0.6138555366861542, 0.1663596225004027, true)]),
            (0.850175570695713, [(9.605E-37, 5.034999999999999E-90, true), (0, 0, false), (0, 0, false)]),
            (7.813559322033898, [(0, 0, false), (0.2963162602861613, 0.2190810849570639, true), (0, 0, false)]),
            (8.167626431545457, [(8.844E-52, 0.8145645899645697, true), (1, 0.13043478260869565, true), (1, 0.41824065753674855, true)]),
            (0.2046, [(0.03225806451612903, 0, true), (0, 0, false), (0, 0, false)]),
        ];
        const double Min = -30, Width = 58.43472201613656;

        var onHundred = new ExchangeModel().Run(RandomExchangeScenarios.Build(actors, 0, 100), new ModelOptions { Rounds = 5 });
        var onScale = new ExchangeModel().Run(RandomExchangeScenarios.Build(actors, Min, Min + Width), new ModelOptions { Rounds = 5 });

        Assert.All(onHundred.Issues.Zip(onScale.Issues), pair => Assert.Equal(Min + (pair.First.Forecast * Width / 100), pair.Second.Forecast, 1e-6));
    }

    [Fact]
    public void Exchange_Rex_SameSeedGivesTheSameResult()
    {
        Gen.Select(Actors, Gen.ULong, Gen.Double[0, 1]).Sample((actors, seed, p) =>
        {
            var options = new ModelOptions { Rounds = 5, Seed = seed }.WithParameter("rex-p", p.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            var scenario = RandomExchangeScenarios.Build(actors, 0, 100);
            return new ExchangeModel().Run(scenario, options).Issues.Select(f => f.Forecast)
                .SequenceEqual(new ExchangeModel().Run(scenario, options).Issues.Select(f => f.Forecast));
        });
    }
}

using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Models.Exchange;

public sealed class ExchangeModelTests
{
    private static readonly ExchangeModel Model = new();

    /// <summary>Actors given per issue as (position, salience) with one capability each; null = no stance.</summary>
    private static Scenario Build(double min, double max, (string Id, double Capability, (double Position, double Salience)?[] Stances)[] actors, int issues = 2)
    {
        var issueList = Enumerable.Range(0, issues).Select(i => new Issue { Id = $"i{i}", Name = $"Issue {i}", ScaleMin = min, ScaleMax = max }).ToImmutableArray();
        var stances = new List<Stance>();
        foreach (var (id, _, list) in actors)
        {
            for (var i = 0; i < list.Length; i++)
            {
                if (list[i] is { } stance)
                {
                    stances.Add(new Stance { ActorId = id, IssueId = $"i{i}", Position = stance.Position, Salience = stance.Salience });
                }
            }
        }

        return new Scenario
        {
            Id = "test",
            Title = "Test",
            Issues = issueList,
            Actors = [.. actors.Select(a => new Actor { Id = a.Id, Name = a.Id, Capability = a.Capability })],
            Stances = [.. stances],
        };
    }

    private static ModelResult Run(Scenario scenario, int rounds = 1, string? rexP = null, ulong seed = 0)
    {
        var options = new ModelOptions { Rounds = rounds, Trace = true, Seed = seed };
        return Model.Run(scenario, rexP is null ? options : options.WithParameter("rex-p", rexP));
    }

    private static ExchangeRoundTrace Round(ModelResult result, int round) => (ExchangeRoundTrace)result.Rounds[round - 1];

    [Theory]
    [InlineData(0, 100)]
    [InlineData(-30, 28.43472201613656)]
    public void Exchange_ActorExactlyOnTheOutcome_IsOnTheLeftAsInTheReference(double min, double max)
    {
        // O0 = (0*0.5 + 50*0.2 + 100*0.5) / 1.2 = 50: b sits on it. The reference's side test is
        // x <= O, so b is left on i0 and right on i1 (O1 = 49.3) and trades with c (right on i0,
        // left on i1); with x < O it would instead pair with a. The reference's round 1 on this
        // input: one exchange, b on i0 50 -> 100 and c on i1 0 -> 43.75, gain 3. On the second
        // scale rescaling leaves b a rounding error away from the outcome, which must not matter.
        double At(double share) => min + (share * (max - min));
        var scenario = Build(min, max, [
            ("a", 1, [(At(0), 0.5), (At(0.2), 0.5)]),
            ("b", 1, [(At(0.5), 0.2), (At(0.8), 0.8)]),
            ("c", 1, [(At(1), 0.5), (At(0), 0.2)])]);

        var exchange = Assert.Single(Round(Run(scenario), 1).Exchanges);

        Assert.Equal(("c", "i1", "b", "i0"), (exchange.SecondActor, exchange.SecondIssue, exchange.FirstActor, exchange.FirstIssue));
        Assert.Equal(At(1), exchange.FirstTo, 9);
        Assert.Equal(At(0.4375), exchange.SecondTo, 9);
        Assert.Equal(3, exchange.Gain, 9);
    }

    [Fact]
    public void Exchange_TwoMirroredActors_BothMoveAllTheWay()
    {
        // a cares for issue 0 (0.8 vs 0.2), b for issue 1. O0 = 20, O1 = 80; b supplies issue 0.
        // dO0 = 100*0.2/1 = 20 = dO1 (ratio (0.8+0.2)/(0.2+0.8) = 1); gain = 0.8*20 - 0.2*20 = 12.
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (0, 0.2)]), ("b", 1, [(100, 0.2), (100, 0.8)])]);

        var result = Run(scenario, rounds: 2);

        var exchange = Assert.Single(Round(result, 1).Exchanges);
        Assert.Equal(("b", "i0", 100.0, 0.0), (exchange.FirstActor, exchange.FirstIssue, exchange.FirstFrom, exchange.FirstTo));
        Assert.Equal(("a", "i1", 0.0, 100.0), (exchange.SecondActor, exchange.SecondIssue, exchange.SecondFrom, exchange.SecondTo));
        Assert.Equal(12, exchange.Gain, 9);
        Assert.Equal([0.0, 100.0], Round(result, 1).Issues.Select(i => i.Outcome));

        // Preference update a = 0.1 + 0.4*(1 - 0.2) = 0.42: b keeps 100 - 42 = 58, a reaches 42.
        // Round 2 repeats the trade from there: gain 0.8*11.6 - 0.2*11.6 = 6.96.
        Assert.Equal(6.96, Assert.Single(Round(result, 2).Exchanges).Gain, 9);
        var preferences = ((ExchangeDetails)result.Details!).Preferences;
        Assert.Equal(0.2 * (58 - (0.42 * 58)), preferences[0].Outcome, 9);
        Assert.Equal((0.2 * (42 + (0.42 * 58))) + 80, preferences[1].Outcome, 9);
    }

    [Fact]
    public void Exchange_PartnerWouldOvershoot_RolesReverseAndTheOtherMovesPartWay()
    {
        // a (capability 2): issue 0 at 0 (s 0.9), issue 1 at 0 (s 0.3); b: 100 (0.3), 100 (0.5).
        // D0 = 2.1, D1 = 1.1. b moving all the way shifts O0 by 30/2.1 = 100/7; equal gain needs
        // dO1 = 100/7 * (0.9+0.3)/(0.3+0.5) = 150/7, so a moves 150/7 * 1.1/0.6 = 275/7 of its 100.
        var scenario = Build(0, 100, [("a", 2, [(0, 0.9), (0, 0.3)]), ("b", 1, [(100, 0.3), (100, 0.5)])]);

        var round = Round(Run(scenario), 1);

        var exchange = Assert.Single(round.Exchanges);
        Assert.Equal(0, exchange.FirstTo, 9);
        Assert.Equal(275.0 / 7, exchange.SecondTo, 9);
        Assert.Equal(45.0 / 7, exchange.Gain, 9);
        Assert.Equal(515 / 7.7, round.Issues[1].Outcome, 9);
    }

    [Fact]
    public void Exchange_MoveWouldPushOutcomePastDemander_IsCutSoOutcomeLandsOnIt()
    {
        // c (issue 0 only) sits left of a, so b's full move (dO0 = 80*0.1/1.5 = 5.33) would push
        // O0 = 22 past a at 20: it is cut to dO0 = 2, b moves 2*1.5/0.1 = 30, a moves 20 on issue 1.
        var scenario = Build(0, 100,
        [
            ("a", 1, [(20, 0.9), (0, 0.1)]),
            ("b", 1, [(100, 0.1), (100, 0.9)]),
            ("c", 1, [(10, 0.5), null]),
        ]);

        var round = Round(Run(scenario), 1);

        var exchange = Assert.Single(round.Exchanges);
        Assert.Equal(70, exchange.FirstTo, 9);
        Assert.Equal(20, exchange.SecondTo, 9);
        Assert.Equal(1.6, exchange.Gain, 9);
        Assert.Equal(20, round.Issues[0].Outcome, 9);
        Assert.Equal(92, round.Issues[1].Outcome, 9);
        Assert.Empty(exchange.Externalities);
    }

    [Fact]
    public void Exchange_ThirdActorOnBothIssues_GetsItsExternality()
    {
        // c (right of both outcomes, like b) loses on issue 0 and gains on issue 1 from a-b's trade.
        var scenario = Build(0, 100,
        [
            ("a", 1, [(0, 0.8), (0, 0.2)]),
            ("b", 1, [(100, 0.2), (100, 0.8)]),
            ("c", 0.01, [(90, 0.5), (95, 0.5)]),
        ]);
        double o0 = (0.2 * 100 + 0.005 * 90) / 1.005, o1 = (0.8 * 100 + 0.005 * 95) / 1.005;

        var exchange = Round(Run(scenario), 1).Exchanges[0];

        Assert.Equal(("b", "a"), (exchange.FirstActor, exchange.SecondActor));
        double after0 = o0 + (0.2 * (exchange.FirstTo - exchange.FirstFrom) / 1.005);
        double after1 = o1 + (0.2 * (exchange.SecondTo - exchange.SecondFrom) / 1.005);
        var expected = (0.5 * (Math.Abs(o0 - 90) - Math.Abs(after0 - 90))) + (0.5 * (Math.Abs(o1 - 95) - Math.Abs(after1 - 95)));
        var externality = Assert.Single(exchange.Externalities);
        Assert.Equal("c", externality.ActorId);
        Assert.Equal(expected, externality.Value, 9);
        Assert.Equal("inner", externality.Group);
    }

    [Fact]
    public void Exchange_OtherScale_GivesTheSameForecastRescaled()
    {
        (string, double, (double, double)?[])[] actors =
        [
            ("a", 2, [(0, 0.9), (0, 0.3)]),
            ("b", 1, [(100, 0.3), (100, 0.5)]),
            ("c", 1.5, [(40, 0.6), (70, 0.2)]),
        ];
        var onHundred = Run(Build(0, 100, actors), rounds: 5);
        var rescaled = actors.Select(a => (a.Item1, a.Item2, a.Item3.Select(s => s is { } v ? ((v.Item1 / 50) - 1, v.Item2) : ((double, double)?)null).ToArray())).ToArray();

        var onUnit = Run(Build(-1, 1, rescaled), rounds: 5);

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal((onHundred.Issues[i].Forecast / 50) - 1, onUnit.Issues[i].Forecast, 9);
        }
    }

    [Fact]
    public void Exchange_SalienceZeroOneActorIssueAndMissingStances_RunWithFiniteOutcomes()
    {
        var scenario = Build(0, 100,
        [
            ("a", 1, [(0, 0), (10, 0.5), (50, 1)]),
            ("b", 1, [(100, 0.7), (90, 0), null]),
            ("c", 0, [(60, 0.4), null, null]),
            ("d", 1, [(30, 0.9), (80, 0.6), null]),
        ], issues: 3);

        var result = Run(scenario, rounds: 10);

        Assert.Equal(3, result.Issues.Length);
        Assert.All(result.Issues, f => Assert.InRange(f.Forecast, 0, 100));
        Assert.Equal(50, result.ForIssue("i2")!.Forecast);
        Assert.All(result.Rounds.Cast<ExchangeRoundTrace>().SelectMany(r => r.Exchanges), e => Assert.True(double.IsFinite(e.Gain) && e.Gain > 0));
    }

    [Fact]
    public void Exchange_AllWeightsZeroOnAnIssue_ForecastsThePlainMean()
    {
        var scenario = Build(0, 100, [("a", 1, [(0, 0), (0, 1)]), ("b", 1, [(60, 0), (100, 1)])]);

        Assert.Equal(30, Run(scenario).ForIssue("i0")!.Forecast, 12);
    }

    [Fact]
    public void Exchange_NoOpposingPair_RealisesNothingAndConverges()
    {
        // a and b stand together on issue 1, so they are never on opposite sides of both outcomes.
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (50, 0.2)]), ("b", 1, [(100, 0.2), (50, 0.8)])]);

        var result = Run(scenario, rounds: 10);

        Assert.Empty(Round(result, 1).Exchanges);
        Assert.Equal(1, result.RoundsRun);
        Assert.True(result.Converged);
    }

    [Fact]
    public void Exchange_LargeTolerance_StopsAfterTheFirstRoundThatMovesLess()
    {
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (0, 0.2)]), ("b", 1, [(100, 0.2), (100, 0.8)]), ("c", 1, [(50, 0.5), (40, 0.5)])]);

        var result = Model.Run(scenario, new ModelOptions { Rounds = 10, Tolerance = 1000 });

        Assert.Equal(1, result.RoundsRun);
        Assert.True(result.Converged);
    }

    [Fact]
    public void Exchange_DefaultOptions_RunTenRounds()
    {
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (0, 0.2)]), ("b", 1, [(100, 0.2), (100, 0.8)]), ("c", 1, [(50, 0.5), (40, 0.5)])]);

        var result = Model.Run(scenario, ModelOptions.Default);

        Assert.Equal(ExchangeModel.DefaultRounds, result.RoundsRun);
        Assert.Empty(result.Rounds);
        Assert.Equal(10, ((ExchangeDetails)result.Details!).ExchangesPerRound.Length);
    }

    [Fact]
    public void Exchange_RexZero_EqualsPlainEqualGain()
    {
        var scenario = Build(0, 100, [("a", 2, [(0, 0.9), (0, 0.3)]), ("b", 1, [(100, 0.3), (100, 0.5)]), ("c", 1, [(30, 0.6), (80, 0.7)])]);

        var plain = Run(scenario, rounds: 5);
        var rex = Run(scenario, rounds: 5, rexP: "0", seed: 42);

        Assert.Equal(plain.Issues.Select(i => i.Forecast), rex.Issues.Select(i => i.Forecast));
    }

    [Fact]
    public void Exchange_Rex_SameSeedSameResultAndGainsStayWithinBounds()
    {
        var scenario = Build(0, 100, [("a", 2, [(0, 0.9), (0, 0.3)]), ("b", 1, [(100, 0.3), (100, 0.5)]), ("c", 1, [(30, 0.6), (80, 0.7)])]);

        var first = Run(scenario, rounds: 5, rexP: "1", seed: 7);
        var again = Run(scenario, rounds: 5, rexP: "1", seed: 7);

        Assert.Equal(first.Issues.Select(i => i.Forecast), again.Issues.Select(i => i.Forecast));
        var exchanges = first.Rounds.Cast<ExchangeRoundTrace>().SelectMany(r => r.Exchanges).ToList();
        Assert.NotEmpty(exchanges);
        Assert.All(exchanges, e => Assert.True(e.FirstGain >= -1e-9 && e.SecondGain >= -1e-9));
        Assert.Contains(exchanges, e => Math.Abs(e.FirstGain - e.SecondGain) > 1e-9);
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("lots")]
    public void Exchange_RexOutOfRange_ThrowsOptionError(string value)
    {
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (0, 0.2)]), ("b", 1, [(100, 0.2), (100, 0.8)])]);

        var error = Assert.Throws<ModelOptionException>(() => Run(scenario, rexP: value));
        Assert.Equal($"option rex-p: '{value}' is not a number from 0 to 1", error.Message);
    }

    [Fact]
    public void Exchange_ZeroRoundsOrNegativeTolerance_ThrowOptionErrors()
    {
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (0, 0.2)]), ("b", 1, [(100, 0.2), (100, 0.8)])]);

        Assert.Equal("option rounds: 0 is not allowed; use 1 to 10,000 rounds",
            Assert.Throws<ModelOptionException>(() => Model.Run(scenario, new ModelOptions { Rounds = 0 })).Message);
        Assert.Equal("option tolerance: -1 is not allowed; use a finite number above 0",
            Assert.Throws<ModelOptionException>(() => Model.Run(scenario, new ModelOptions { Tolerance = -1 })).Message);
    }

    [Fact]
    public void Exchange_MoveAcrossTheWholeScale_IsValidEvenWhenRoundingMakesIt100Point00000000000001()
    {
        // In exact arithmetic both moves are exactly 100 (s: issue 0 from 0 to 100, t: issue 1 from
        // 100 to 0), which the rule |dx| <= 100 allows; in doubles t's move comes out as
        // 100.00000000000001, and the exchange used to be rejected.
        var scenario = Build(0, 100, [("s", 1, [(0, 0.1), (0, 0.6)]), ("t", 1, [(100, 0.85), (100, 0.1)])]);

        var exchange = Assert.Single(Round(Run(scenario), 1).Exchanges);

        Assert.Equal(("s", "i0", 0.0, 100.0), (exchange.FirstActor, exchange.FirstIssue, exchange.FirstFrom, exchange.FirstTo));
        Assert.Equal(("t", "i1", 100.0, 0.0), (exchange.SecondActor, exchange.SecondIssue, exchange.SecondFrom, exchange.SecondTo));
    }

    [Fact]
    public void Exchange_MoreThan65535Actors_ThrowsSizeErrorBeforeAllocating()
    {
        var issue = new Issue { Id = "i", Name = "i", ScaleMin = 0, ScaleMax = 100 };
        var actors = Enumerable.Range(0, ExchangeEngine.MaximumSize + 1).Select(a => new Actor { Id = $"a{a}", Name = $"a{a}", Capability = 1 }).ToArray();
        var scenario = new Scenario
        {
            Id = "wide",
            Title = "wide",
            Issues = [issue],
            Actors = [.. actors],
            Stances = [.. actors.Select(a => new Stance { ActorId = a.Id, IssueId = "i", Position = 50, Salience = 1 })],
        };

        Assert.Equal("model exchange: 65536 actors and 1 issues is too large; the exchange model handles at most 65535 of each",
            Assert.Throws<ModelOptionException>(() => Model.Run(scenario, new ModelOptions())).Message);
    }

    [Fact]
    public void Exchange_Trace_DescribesEveryExchangeAndTheOutcomes()
    {
        var scenario = Build(0, 100, [("a", 1, [(0, 0.8), (0, 0.2)]), ("b", 1, [(100, 0.2), (100, 0.8)])]);

        var lines = Round(Run(scenario), 1).Describe().ToList();

        Assert.Equal(
            [
                "1 exchange realised",
                "1. b moves on i0 100 -> 0; a moves on i1 0 -> 100; gain 12",
            ],
            lines);
    }

    [Fact]
    public void Exchange_Catalog_ListsTheModel()
    {
        Assert.IsType<ExchangeModel>(ModelCatalog.Find("exchange"));
    }
}

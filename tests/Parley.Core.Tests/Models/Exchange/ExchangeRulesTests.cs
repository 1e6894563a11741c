using System.Collections.Immutable;
using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>
/// The rules read from the Decide reference's code (docs/models/exchange.md): the gain threshold
/// and when it applies, ties that only rounding separates, and REX as the reference computes it.
/// </summary>
public sealed class ExchangeRulesTests
{
    private static readonly ExchangeModel Model = new();

    private static Scenario Build(IReadOnlyList<(double Min, double Max)> scales, params (string Id, (double Position, double Salience)?[] Stances)[] actors)
    {
        var issues = scales.Select((scale, i) => new Issue { Id = $"i{i}", Name = $"Issue {i}", ScaleMin = scale.Min, ScaleMax = scale.Max }).ToImmutableArray();
        var stances = actors.SelectMany(a => a.Stances
            .Select((stance, i) => (stance, i))
            .Where(x => x.stance is not null)
            .Select(x => new Stance { ActorId = a.Id, IssueId = $"i{x.i}", Position = x.stance!.Value.Position, Salience = x.stance.Value.Salience }));
        return new Scenario
        {
            Id = "rules",
            Title = "Rules",
            Issues = issues,
            Actors = [.. actors.Select(a => new Actor { Id = a.Id, Name = a.Id, Capability = 1 })],
            Stances = [.. stances],
        };
    }

    private static ExchangeRoundTrace RoundOne(Scenario scenario, string rexP = "0", ulong seed = 0, string ties = "order") =>
        (ExchangeRoundTrace)Model.Run(scenario, new ModelOptions { Rounds = 1, Trace = true, Seed = seed }.WithParameter("rex-p", rexP).WithParameter("ties", ties)).Rounds[0];

    /// <summary>Issues 1-3 alike, so that (0, 1), (0, 2) and (0, 3) tie exactly; a supplies issue 0, b the others.</summary>
    private static Scenario ThreeWayTie() => Build(
        [(0, 100), (0, 100), (0, 100), (0, 100)],
        ("a", [(0, 0.1), (40, 1), (40, 1), (40, 1)]),
        ("b", [(100, 0.9), (80, 0.1), (80, 0.1), (80, 0.1)]));

    /// <summary>
    /// A2 has no capability on i1 but a salience there: it can still demand i1, as in the Decide reference, where
    /// nothing divides by a demander's c·s (its gain is s·ΔO). A3 (right of both outcomes) supplies i1 and moves towards
    /// A2 until i1's outcome reaches A2's position, 2 (the cut); A2, left of both, supplies i2. The reference, run on
    /// this file (issue 18's QA, power0-demander), gives i1 2.000 and i2 0.752 after round 1, 0.467 after round 10;
    /// Parley, which once left A2 out of every pair on i1, made no exchange (i1 3.333, i2 0.203).
    /// </summary>
    [Fact]
    public void Exchange_DemanderWithoutCapabilityOnItsDemandIssue_StillDemands()
    {
        var scenario = new Scenario
        {
            Id = "power0",
            Title = "A demander of capability 0",
            Issues = [new Issue { Id = "i1", Name = "i1", ScaleMin = 0, ScaleMax = 10 }, new Issue { Id = "i2", Name = "i2", ScaleMin = -5, ScaleMax = 5 }],
            Actors = [.. new[] { "A1", "A2", "A3" }.Select(id => new Actor { Id = id, Name = id, Capability = 1 })],
            Stances =
            [
                new Stance { ActorId = "A1", IssueId = "i1", Position = 1, Salience = 0.9, Capability = 10 },
                new Stance { ActorId = "A2", IssueId = "i1", Position = 2, Salience = 0.4, Capability = 0 },
                new Stance { ActorId = "A2", IssueId = "i2", Position = -3, Salience = 0.8, Capability = 20 },
                new Stance { ActorId = "A3", IssueId = "i1", Position = 8, Salience = 0.3, Capability = 15 },
                new Stance { ActorId = "A3", IssueId = "i2", Position = 4, Salience = 0.9, Capability = 15 },
            ],
        };

        var result = Model.Run(scenario, new ModelOptions { Rounds = 10, Trace = true });
        var first = (ExchangeRoundTrace)result.Rounds[0];

        var exchange = Assert.Single(first.Exchanges);
        Assert.Equal(("A3", "i1", "A2", "i2"), (exchange.FirstActor, exchange.FirstIssue, exchange.SecondActor, exchange.SecondIssue));
        Assert.Equal(2, first.Issues.Single(o => o.Id == "i1").Outcome, 9);
        Assert.Equal(0.752, first.Issues.Single(o => o.Id == "i2").Outcome, 3);
        Assert.Equal(0.467, result.Issues.Single(i => i.IssueId == "i2").Forecast, 3);
    }

    [Theory]
    [InlineData(1e-12, 0)] // G = 2.5e-11: below the threshold
    [InlineData(1e-11, 1)] // G = 2.5e-10
    public void Exchange_GainThreshold_OneTenBillionth(double salienceGap, int exchanges)
    {
        // a: s 0.5 and 0.5 + gap, b: 0.5 and 0.5; both move all the way and gain 25 * gap.
        var scenario = Build([(0, 100), (0, 100)], ("a", [(0, 0.5), (0, 0.5 + salienceGap)]), ("b", [(100, 0.5), (100, 0.5)]));

        var round = RoundOne(scenario);

        Assert.Equal(exchanges, round.Exchanges.Length);
    }

    [Fact]
    public void Exchange_GainThreshold_AppliesBeforeTheCut()
    {
        // b supplies issue 0 (s_p/s_q = 0.1/0.9 below a's 0.12/0.9). Before the cut the exchange
        // gains (0.12 - 0.9 * 0.22 / 1.8) * 10.4 = 0.1; a sits 1.5e-9 left of O0, so the
        // cut leaves a shift of 1.5e-9 and a gain of 1.5e-11, below 1e-10, with both moves above
        // 1e-10. The reference drops an exchange on its gain before cutting it, so it is realised.
        const double ahead = 1.5e-9;
        var positionA = 25 - (ahead * 1.2);
        var scenario = Build(
            [(0, 100), (0, 100)],
            ("a", [(positionA, 0.12), (0, 0.9)]),
            ("b", [(100, 0.1), (100, 0.9)]),
            ("c", [(10, 0.5), null]));

        var exchange = Assert.Single(RoundOne(scenario).Exchanges);

        Assert.Equal("b", exchange.FirstActor);
        Assert.InRange(exchange.Gain, 1e-12, 1e-10);
        Assert.Equal(ahead * 0.72 / 0.1, exchange.FirstFrom - exchange.FirstTo, 1e-12);
    }

    [Fact]
    public void RankingGain_GainsAFewUnitsOfTheLastPlaceApart_RankEqual()
    {
        // The two gains of the tie below, as double computes them.
        Assert.Equal(ExchangeEngine.RankingGain(3.2363636363636363), ExchangeEngine.RankingGain(3.236363636363637));
        Assert.NotEqual(3.2363636363636363, 3.236363636363637);
    }

    [Theory]
    [InlineData(1e-10)]
    [InlineData(0.37113402061855670)]
    [InlineData(3.2363636363636363)]
    [InlineData(1e6)]
    public void RankingGain_GainsOnePartInTenBillionApart_RankInOrder(double gain)
    {
        Assert.True(ExchangeEngine.RankingGain(gain * (1 + 1e-10)) > ExchangeEngine.RankingGain(gain));
        Assert.Equal(gain, ExchangeEngine.RankingGain(gain), gain * 1e-12);
    }

    [Theory]
    [InlineData(0x00000000)] // +0
    [InlineData(unchecked((int)0x80000000))] // -0
    [InlineData(0x00000001)] // the smallest subnormal
    [InlineData(unchecked((int)0x80000001))]
    [InlineData(0x00800000)] // the smallest normal
    [InlineData(0x3F800000)] // 1
    [InlineData(unchecked((int)0xBF800000))] // -1
    [InlineData(0x42160000)] // 37.5
    [InlineData(0x7F7FFFFF)] // the largest float
    [InlineData(unchecked((int)0xFF7FFFFF))]
    [InlineData(0x7F800000)] // +infinity
    public void NextBelow_IsTheRuntimesBitDecrement(int bits)
    {
        AssertNextBelowIsBitDecrement(BitConverter.Int32BitsToSingle(bits));
    }

    [Fact]
    public void NextBelow_IsTheRuntimesBitDecrement_OnAnyFloatAboveADouble()
    {
        // Steady limits round a double to float and step down when the float came out above it: limits on
        // the 0-100 scale, near zero (subnormal floats) and beyond the largest float (+infinity).
        Gen.OneOf(Gen.Double[-200, 200], Gen.Double[-1e-40, 1e-40], Gen.Double[-1e40, 1e40]).Sample(limit =>
        {
            var rounded = (float)limit;
            if (rounded > limit)
            {
                AssertNextBelowIsBitDecrement(rounded);
                Assert.True(ExchangeEngine.NextBelow(rounded) <= limit);
            }
        });
    }

    private static void AssertNextBelowIsBitDecrement(float value) =>
        Assert.Equal(BitConverter.SingleToInt32Bits(MathF.BitDecrement(value)), BitConverter.SingleToInt32Bits(ExchangeEngine.NextBelow(value)));

    [Fact]
    public void RankingGain_IsMonotonic()
    {
        Gen.Double[1e-10, 1e4].Select(Gen.Double[0, 1e-6]).Sample((gain, step) =>
            ExchangeEngine.RankingGain(gain) <= ExchangeEngine.RankingGain(gain * (1 + step)));
    }

    [Fact]
    public void Exchange_GainsEqualButForRounding_AreRealisedInCreationOrder()
    {
        // Issue 2 is issue 1 on a 0-0.7 scale (0.28 = 40, 0.56 = 80). The candidates (0, 1) and
        // (0, 2) have the same gain in exact arithmetic; rescaling issue 2 to 0-100 makes it
        // 3.236363636363637 in double against 3.2363636363636363 for (0, 1). The tie rule
        // (creation order: issue pairs in scenario order) realises (0, 1) first, then (0, 2),
        // where a carries on from 40 to 80 on issue 0, with the same gain.
        var scenario = Build(
            [(0, 100), (0, 100), (0, 0.7)],
            ("a", [(0, 0.1), (40, 1), (0.28, 1)]),
            ("b", [(100, 0.9), (80, 0.1), (0.56, 0.1)]));

        var exchanges = RoundOne(scenario).Exchanges;

        Assert.Equal(["i1", "i2"], exchanges.Select(e => e.SecondIssue));
        Assert.All(exchanges, e => Assert.Equal(3.2363636363636363, e.Gain, 1e-12));
    }

    [Fact]
    public void Exchange_Rex_OneOfTheTwoActorsMovesAllTheWayToItsPartner()
    {
        // REX as the reference has it: the picked actor moves all the way to its partner, and
        // the partner as far as gives the picked actor its redrawn gain, or all the way when that
        // would take it further. Two actors: no cut, so every REX exchange has one full move;
        // b supplies issue 0 (towards a at 0), a issue 1 (towards b at 100). In the equal-gain
        // exchange b moves all the way (dO0 = 20 / 1.1) and a part of the way.
        var scenario = Build([(0, 100), (0, 100)], ("a", [(0, 0.9), (0, 0.3)]), ("b", [(100, 0.2), (100, 0.5)]));
        var moves = new HashSet<double>();
        for (ulong seed = 1; seed <= 40; seed++)
        {
            var exchange = Assert.Single(RoundOne(scenario, "1", seed).Exchanges);
            Assert.True(Math.Abs(exchange.FirstTo) < 1e-9 || Math.Abs(exchange.SecondTo - 100) < 1e-9, $"seed {seed}: b to {exchange.FirstTo}, a to {exchange.SecondTo}");
            Assert.Equal(20 / 1.1 * (0.9 - (0.3 * 1.375)), exchange.Gain, 9);
            moves.Add(Math.Round(exchange.SecondTo, 9));
        }

        Assert.True(moves.Count > 10, "REX draws gave only a few distinct exchanges");
    }

    [Fact]
    public void Exchange_RexWithATinyP_IsTheEqualGainExchange()
    {
        var scenario = Build([(0, 100), (0, 100)], ("a", [(0, 0.9), (0, 0.3)]), ("b", [(100, 0.2), (100, 0.5)]));

        var plain = Assert.Single(RoundOne(scenario).Exchanges);
        var rex = Assert.Single(RoundOne(scenario, "0.000000000001", 3).Exchanges);

        Assert.Equal(plain.FirstTo, rex.FirstTo, 1e-6);
        Assert.Equal(plain.SecondTo, rex.SecondTo, 1e-6);
    }

    [Fact]
    public void Exchange_TieCoin_PicksOneOfTheFirstTwoTiedCandidates()
    {
        // The reference's coin chooses between the first two candidates in line: with three tied,
        // the third is never realised first. Over 40 seeds both of the first two are.
        var firsts = Enumerable.Range(1, 40).Select(seed => RoundOne(ThreeWayTie(), seed: (ulong)seed, ties: "coin").Exchanges[0].SecondIssue).ToList();

        Assert.Equal(["i1", "i2"], firsts.Distinct().Order());
    }

    [Fact]
    public void Exchange_TieCoin_SameSeedSameExchanges_AndOrderIsTheDefault()
    {
        static string Sequence(ExchangeRoundTrace round) => string.Join(" ", round.Exchanges.Select(e => $"{e.SecondIssue}:{e.FirstTo:R}:{e.SecondTo:R}"));

        Assert.Equal(Sequence(RoundOne(ThreeWayTie(), seed: 9, ties: "coin")), Sequence(RoundOne(ThreeWayTie(), seed: 9, ties: "coin")));
        Assert.Equal(Sequence(RoundOne(ThreeWayTie())), Sequence(RoundOne(ThreeWayTie(), seed: 9)));
        Assert.Equal("i1", RoundOne(ThreeWayTie(), seed: 9).Exchanges[0].SecondIssue);
    }

    [Fact]
    public void Exchange_MoveLandingTheSeenOutcomeOnTheDemander_IsNotCut()
    {
        // Scenario s1-0163 of the differential campaign (2 actors x 8 issues, its i1-i8 here i0-i7;
        // i6 on 0-1). a1 moves on i3 in
        // two exchanges with a2; then its full move to a2 (20.13 -> 0) lands the outcome a2 has
        // seen exactly on a2, which double computed 1e-15 short: cutting there counted a1 where a2
        // first saw it and sent it off the scale. The reference realises it (round 1: 5 exchanges,
        // i7 at 70.794), and so does Parley.
        var scenario = Build(
            [(0, 100), (0, 100), (0, 100), (0, 100), (0, 100), (0, 100), (0, 1), (0, 100)],
            ("a1", [null, (50, 0.71), (75, 0.77), (50, 0.33), (100, 0.88), (75, 0.52), (1, 0.01), (75, 0.44)]),
            ("a2", [(0, 0.58), (25, 0.6), (25, 0.06), (0, 0.62), null, (25, 0.47), (0.25, 0.49), (25, 0.67)]));
        scenario = scenario with { Actors = [scenario.Actors[0] with { Capability = 0.89 }, scenario.Actors[1] with { Capability = 0.28 }] };

        var round = RoundOne(scenario);

        Assert.Equal(5, round.Exchanges.Length);
        Assert.Contains(round.Exchanges, e => e is { FirstActor: "a1", FirstIssue: "i3", SecondIssue: "i7" } && Math.Abs(e.FirstTo) < 1e-9);
    }

    /// <summary>
    /// Scenario s1-0297 of the differential campaign, shrunk (5 actors x 2 issues, its i1 on 1-7
    /// and i3 here i0 and i1). a3's move on i0 is cut so that the outcome lands on a1 (4); then a5
    /// offers a move on i0 towards a1, paired with a1's move on i1.
    /// </summary>
    private static Scenario OutcomeOnTheDemander()
    {
        var scenario = Build(
            [(1, 7), (0, 100)],
            ("a1", [(4, 0.77), (50, 0.33)]),
            ("a2", [(7, 0.3), null]),
            ("a3", [(2.5, 0.27), (25, 0.18)]),
            ("a4", [(5.5, 0.72), null]),
            ("a5", [(2.5, 0.98), (25, 0.44)]));
        double[] capabilities = [0.8, 1, 0.7, 0.3, 0.8];
        return scenario with { Actors = [.. scenario.Actors.Select((actor, i) => actor with { Capability = capabilities[i] })] };
    }

    [Fact]
    public void Exchange_MoveTowardsADemanderTheOutcomeAlreadySitsOn_IsNotCut()
    {
        // The outcome a1 has seen on i0 sits on a1: reached, so a5's move is not cut (the
        // reference's rule in exact arithmetic) and carries the outcome past a1.
        var round = RoundOne(OutcomeOnTheDemander());

        Assert.Equal(2, round.Exchanges.Length);
        Assert.Equal(("a5", "a1"), (round.Exchanges[1].FirstActor, round.Exchanges[1].SecondActor));
        Assert.Equal(4.1344, round.Issues.Single(issue => issue.Id == "i0").Outcome, 4);
    }

    [Fact]
    public void Exchange_BoundaryShort_CutsAMoveTowardsADemanderTheOutcomeSitsOnToNothing()
    {
        // The reference's Decimal leaves that outcome 1e-26 short of a1 here, cuts a5's move to
        // nothing and drops the exchange: 1 exchange, i1 at 4 and i3 at 30.09 in all its runs.
        // boundary=short reproduces that reading.
        var options = new ModelOptions { Rounds = 1, Trace = true }.WithParameter("boundary", "short");
        var round = (ExchangeRoundTrace)Model.Run(OutcomeOnTheDemander(), options).Rounds[0];

        var exchange = Assert.Single(round.Exchanges);
        Assert.Equal(("a3", "a1"), (exchange.FirstActor, exchange.SecondActor));
        Assert.Equal(4, round.Issues.Single(issue => issue.Id == "i0").Outcome, 9);
        Assert.Equal(30.0925, round.Issues.Single(issue => issue.Id == "i1").Outcome, 4);
    }

    [Fact]
    public void Exchange_UncutOfferPastTheSumOfOffers_DropsTheCandidateBeforeTheCut()
    {
        // Scenario s1-0480 of the differential campaign (4 actors x 3 issues). In round 3, a3's
        // offer on i2 to a2 is recomputed after a3 moved in another exchange: its uncut move
        // (45.6) with its earlier offer (56.4) sums past 100, so the reference drops the candidate
        // before cutting it; cut, it would have summed to 97.3 and passed. The reference: round 3
        // realises 4 exchanges, i0 at 31.4988, in every run; Parley checked validity only after
        // the cut and realised 5 (i0 at 37.90).
        var scenario = Build(
            [(0, 100), (0, 100), (0, 100)],
            ("a1", [(100, 0.35), (100, 0.97), (50, 0.47)]),
            ("a2", [(0, 0.25), (50, 0.58), (100, 0.35)]),
            ("a3", [(0, 0.24), (50, 1), (0, 0.24)]),
            ("a4", [(100, 0.16), (0, 0.51), (100, 0.79)]));

        var round = (ExchangeRoundTrace)Model.Run(scenario, new ModelOptions { Rounds = 3, Trace = true }).Rounds[2];

        Assert.Equal(4, round.Exchanges.Length);
        Assert.Equal(31.4988, round.Issues.Single(issue => issue.Id == "i0").Outcome, 4);
        Assert.Equal(74.6557, round.Issues.Single(issue => issue.Id == "i1").Outcome, 4);
    }
}

using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.ExpectedUtility;

namespace Parley.Core.Tests.Models;

public sealed class ExpectedUtilityModelTests
{
    private static readonly ExpectedUtilityModel Model = new();

    private static ModelOptions Options(string variant = "scholz", int? rounds = null, bool trace = true) =>
        ModelOptions.Default.WithParameter("variant", variant) with { Rounds = rounds, Trace = trace };

    private static Scenario Emissions() => TestScenarios.OneIssue(
        4,
        10,
        null,
        (4, 0.8, 0.08),
        (7, 0.4, 0.08),
        (4, 0.2, 0.03),
        (4, 0.8, 0.16),
        (10, 0.6, 0.16),
        (10, 0.6, 0.16),
        (10, 0.9, 0.16),
        (7, 0.1, 0.05),
        (4, 1.0, 0.05),
        (7, 0.7, 0.08));

    [Theory]
    [InlineData("variant", "bdm", "option variant: 'bdm' is not allowed; use one of scholz, scholz-code")]
    [InlineData("forecast", "mode", "option forecast: 'mode' is not allowed; use one of median, mean")]
    [InlineData("q", "1.5", "option q: '1.5' is not a number from 0 to 1")]
    [InlineData("t", "NaN", "option t: 'NaN' is not a number from 0 to 1")]
    public void Run_BadParameter_ThrowsSayingWhatIsAllowed(string name, string value, string message)
    {
        var error = Assert.Throws<ModelOptionException>(() => Model.Run(Emissions(), ModelOptions.Default.WithParameter(name, value)));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Run_NegativeTolerance_Throws()
    {
        Assert.Throws<ModelOptionException>(() => Model.Run(Emissions(), ModelOptions.Default with { Tolerance = -1 }));
    }

    [Theory]
    [InlineData("scholz")]
    [InlineData("scholz-code")]
    public void Run_FixedRounds_PlaysExactlyThatManyAndTracesEach(string variant)
    {
        var result = Model.Run(Emissions(), Options(variant, 7));

        Assert.Equal(7, result.RoundsRun);
        Assert.Equal(Enumerable.Range(1, 7), result.Rounds.Select(r => r.Round));
        Assert.All(result.Rounds.Cast<ExpectedUtilityRound>(), r => Assert.True(r.Offers.Count(o => o.Accepted) == r.Offers.Select(o => o.To).Where((to, i) => r.Offers[i].Accepted).Distinct().Count()));
    }

    [Fact]
    public void Run_NoTrace_RecordsNoRoundsButTheSameForecast()
    {
        var traced = Model.Run(Emissions(), Options(rounds: 5));
        var plain = Model.Run(Emissions(), Options(rounds: 5, trace: false));

        Assert.Empty(plain.Rounds);
        Assert.Equal(traced.Issues.Single().Forecast, plain.Issues.Single().Forecast);
        Assert.Equal(traced.Issues.Single().Positions.ToArray(), plain.Issues.Single().Positions.ToArray());
    }

    [Fact]
    public void Run_ForecastMean_ReportsTheWeightedMeanOfTheFinalPositions()
    {
        var result = Model.Run(Emissions(), Options(rounds: 3).WithParameter("forecast", "mean"));

        var last = (ExpectedUtilityRound)result.Rounds[^1];
        Assert.Equal(last.Mean, result.Issues.Single().Forecast);
        var weights = Emissions().StancesOn("issue").ToDictionary(s => s.ActorId, s => s.Weight);
        var mean = last.Positions.Sum(p => weights[p.Key] * p.Value) / weights.Values.Sum();
        Assert.Equal(mean, last.Mean, 12);
    }

    [Fact]
    public void Run_TwoActors_EqualSecurityLevelsLeaveEveryoneRiskNeutral()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 0.5, 1), (80, 0.5, 1));

        var result = Model.Run(scenario, Options(rounds: 1));

        var round = (ExpectedUtilityRound)result.Rounds.Single();
        Assert.All(round.RiskExponents.Values, r => Assert.Equal(1.0, r));
    }

    [Fact]
    public void Run_AllAtOnePosition_NobodyMovesAndItConverges()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (50, 0.5, 1), (50, 0.9, 2), (50, 0.1, 3));

        var result = Model.Run(scenario, Options());

        Assert.True(result.Converged);
        Assert.Equal(1, result.RoundsRun);
        Assert.Equal(50, result.Issues.Single().Forecast);
        Assert.Empty(((ExpectedUtilityRound)result.Rounds.Single()).Offers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ModelOptionRules.MaxRounds + 1)]
    public void Run_RoundsOutsideTheSharedRule_IsAnOptionError(int rounds)
    {
        var error = Assert.Throws<ModelOptionException>(() => Model.Run(Emissions(), Options(rounds: rounds)));

        Assert.StartsWith($"option rounds: {rounds} is not allowed; use 1 to 10,000 rounds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoIssues_RunsEachAsAloneAndTracesRoundsIssueByIssue()
    {
        var one = Emissions();
        var second = one.Issues[0] with { Id = "second", Name = "Second", ScaleMin = 0, ScaleMax = 100 };
        var stances = one.Stances.Select((s, i) => s with { IssueId = "second", Position = (i * 37) % 101, Salience = 1 - s.Salience });
        var both = one with { Issues = [one.Issues[0], second], Stances = [.. one.Stances, .. stances] };
        var alone = one with { Issues = [second], Stances = [.. stances] };

        var result = Model.Run(both, Options(rounds: 4));

        Assert.Equal(["issue", "second"], result.Issues.Select(f => f.IssueId));
        Assert.Equal(Model.Run(one, Options(rounds: 4)).Issues.Single().Positions.ToArray(), result.Issues[0].Positions.ToArray());
        Assert.Equal(Model.Run(alone, Options(rounds: 4)).Issues.Single().Positions.ToArray(), result.Issues[1].Positions.ToArray());
        var rounds = result.Rounds.Cast<ExpectedUtilityRound>().ToList();
        Assert.Equal(["issue", "issue", "issue", "issue", "second", "second", "second", "second"], rounds.Select(r => r.Issue));
        Assert.Equal("On Second:", rounds[4].Describe().First());
    }

    [Fact]
    public void Describe_ScholzCodeRoundOne_ExplainsEachMoveInASentence()
    {
        var scenario = Emissions();
        var names = new[] { "Netherlands", "Belgium", "Luxembourg", "Germany", "France", "Italy", "UK", "Ireland", "Denmark", "Greece" };
        scenario = scenario with { Actors = [.. scenario.Actors.Select((a, i) => a with { Name = names[i] })] };

        var round = (ExpectedUtilityRound)Model.Run(scenario, Options("scholz-code", 1)).Rounds.Single();

        Assert.Equal(
            [
                "Belgium compromises with France: a confrontation would cost it less than France expects to gain (EU -0.11 against 0.24), so it concedes 47% of the way and moves from 7 to 8.42.",
                "Luxembourg gives in to Belgium: it expects to lose a confrontation (EU 0.25 against 0.54) and moves from 4 to 7.",
                "Ireland gives in to Luxembourg: it expects to lose a confrontation (EU 0.54 against 0.68) and moves from 7 to 4.",
            ],
            round.Describe());
    }

    [Theory]
    [InlineData("scholz")]
    [InlineData("scholz-code")]
    public void Run_AnyScenario_PositionsStayWithinTheInitialRangeAndForecastIsAPosition(string variant)
    {
        Gen.Select(Gen.Double[0, 100], Gen.Double[0, 1], Gen.Double[0.01, 10]).Array[2, 12].Sample(actors =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, null, actors);
            var result = Model.Run(scenario, Options(variant, 6, trace: false));
            var forecast = result.Issues.Single();
            double low = actors.Min(a => a.Item1), high = actors.Max(a => a.Item1);
            Assert.All(forecast.Positions, p => Assert.InRange(p.Position, low - 1e-9, high + 1e-9));
            Assert.Contains(forecast.Positions, p => p.Position == forecast.Forecast);
        }, iter: 200);
    }

    [Fact]
    public void Run_ActorsReordered_EveryActorEndsWhereItDid()
    {
        // Whole-number positions: many actors sit halfway between two others, so the tie rule is exercised.
        Gen.Select(Gen.Select(Gen.Int[0, 100].Select(p => (double)p), Gen.Double[0.05, 1], Gen.Double[0.1, 10]).Array[3, 10], Gen.Int[0, 1000]).Sample((actors, seed) =>
        {
            AssertOrderFree(actors, seed, "scholz");
        }, iter: 2000);
    }

    [Fact]
    public void Run_ScholzCodeActorsReorderedWithoutTies_EveryActorEndsWhereItDid()
    {
        // scholz-code breaks ties by file order as its replication does, so only tie-free positions are order-free:
        // SplitMix64 outputs give 53-bit uniform positions, distinct and without equal distances in practice.
        Gen.Select(Gen.Select(Gen.Double[0.05, 1], Gen.Double[0.1, 10]).Array[3, 10], Gen.ULong, Gen.Int[0, 1000]).Sample((weights, start, seed) =>
        {
            var actors = weights.Select((w, i) => (100 * Uniform(start + (ulong)i), w.Item1, w.Item2)).ToArray();
            AssertOrderFree(actors, seed, "scholz-code");
        }, iter: 100);
    }

    private static double Uniform(ulong seed)
    {
        var z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return ((z ^ (z >> 31)) >> 11) * (1.0 / (1UL << 53));
    }

    // One round is order-free up to rounding: sums taken in another order may differ in their last
    // bits (seen: 39.999999998739767 against 40). Over several rounds the dynamics amplify those
    // bits, so the property is checked on the round itself.
    private static void AssertOrderFree((double, double, double)[] actors, int seed, string variant)
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, actors);
        var shuffled = scenario with { Actors = [.. scenario.Actors.OrderBy(a => (a.Id.GetHashCode(StringComparison.Ordinal) ^ seed) & 0xFFFF).ThenBy(a => a.Id, StringComparer.Ordinal)] };
        var original = Model.Run(scenario, Options(variant, 1, trace: false)).Issues.Single().Positions.ToDictionary(p => p.ActorId, p => p.Position);
        var reordered = Model.Run(shuffled, Options(variant, 1, trace: false)).Issues.Single().Positions;
        Assert.All(reordered, p => Assert.Equal(original[p.ActorId], p.Position, 1e-6));
    }

    [Fact]
    public void Run_ScaleShiftedAndStretched_PositionsFollowTheScale()
    {
        // Whole-number positions, power-of-two stretches and whole shifts keep ties exact on both scales.
        Gen.Select(Gen.Select(Gen.Int[0, 100].Select(p => (double)p), Gen.Double[0.05, 1], Gen.Double[0.1, 10]).Array[3, 10], Gen.Int[-3, 5].Select(e => Math.Pow(2, e)), Gen.Int[-500, 500].Select(v => (double)v)).Sample((actors, stretch, shift) =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, null, actors);
            var moved = TestScenarios.OneIssue(shift, shift + (100 * stretch), null, [.. actors.Select(a => (shift + (a.Item1 * stretch), a.Item2, a.Item3))]);
            var expected = Model.Run(scenario, Options(rounds: 5, trace: false)).Issues.Single().Positions;
            var actual = Model.Run(moved, Options(rounds: 5, trace: false)).Issues.Single().Positions;
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(shift + (expected[i].Position * stretch), actual[i].Position, 1e-6 * stretch * 100);
            }
        }, iter: 100);
    }

    [Fact]
    public void Run_SameInputTwice_GivesIdenticalTraces()
    {
        var first = Model.Run(Emissions(), Options(rounds: 6));
        var second = Model.Run(Emissions(), Options(rounds: 6));

        Assert.Equal(first.Rounds.Cast<ExpectedUtilityRound>().SelectMany(r => r.Offers), second.Rounds.Cast<ExpectedUtilityRound>().SelectMany(r => r.Offers));
    }

    [Theory]
    [InlineData(1.0, 0.5)]
    [InlineData(0.6, 0.3)]
    [InlineData(0.0, 1.0)]
    public void Run_ScholzRoundOne_MatchesTheEquationsSummedVoteByVote(double q, double t)
    {
        // Whole-number positions: distinct positions are far enough apart that no EU sits at rounding noise.
        Gen.Select(Gen.Int[0, 100].Select(p => (double)p), Gen.Double[0.05, 1], Gen.Double[0.01, 10]).Array[2, 9].Sample(actors =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, null, actors);
            var options = Options(rounds: 1)
                .WithParameter("q", q.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithParameter("t", t.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var round = (ExpectedUtilityRound)Model.Run(scenario, options).Rounds.Single();
            if (NaiveScholz.RoundOneOffers(actors, 100, q, t) is not { } expected)
            {
                return;
            }

            Assert.Equal(expected.Count, round.Offers.Length);
            for (var i = 0; i < expected.Count; i++)
            {
                var (offer, want) = (round.Offers[i], expected[i]);
                Assert.Equal((want.From, want.To, want.Type), (offer.From, offer.To, offer.Type));
                Assert.Equal(want.ReceiverEu, offer.ReceiverEu, 1e-9);
                Assert.Equal(want.ProposerEu, offer.ProposerEu, 1e-9);
                Assert.Equal(want.NewPosition, offer.NewPosition, 1e-9);
            }
        }, iter: 150);
    }

    /// <summary>The scholz rules written straight from the equations, every vote summed: O(n³), for checking the fast path.</summary>
    private static class NaiveScholz
    {
        /// <summary>Round one's offers, or <c>null</c> when some contest sits within rounding of a boundary between offer types.</summary>
        public static List<(string From, string To, string Type, double ReceiverEu, double ProposerEu, double NewPosition)>? RoundOneOffers(
            (double Position, double Salience, double Capability)[] actors, double range, double q, double t)
        {
            var n = actors.Length;
            var x = actors.Select(a => a.Position).ToArray();
            var s = actors.Select(a => a.Salience).ToArray();
            var w = actors.Select(a => a.Capability * a.Salience).ToArray();
            var median = TestMedian(x, w);

            double Probability(int i, int j, double[] r)
            {
                double positive = 0, all = 0;
                for (var k = 0; k < n; k++)
                {
                    var vote = w[k] * (Math.Pow(Math.Abs(x[k] - x[j]) / range, r[k]) - Math.Pow(Math.Abs(x[k] - x[i]) / range, r[k]));
                    positive += Math.Max(0, vote);
                    all += Math.Abs(vote);
                }

                return all > 0 ? positive / all : 0.5;
            }

            double Eu(double r, int i, int j, double[] voters)
            {
                var p = Probability(i, j, voters);
                var distance = Math.Abs(x[i] - x[j]) / range;
                var success = 2 - (4 * Math.Pow(0.5 - (0.5 * distance), r));
                var failure = 2 - (4 * Math.Pow(0.5 + (0.5 * distance), r));
                var statusQuo = 2 - (4 * Math.Pow(0.5, r));
                var spread = 0.25 * ((Math.Abs(x[i] - median) / range) + distance);
                var better = 2 - (4 * Math.Pow(0.5 - spread, r));
                var worse = 2 - (4 * Math.Pow(0.5 + spread, r));
                return (s[j] * ((p * success) + ((1 - p) * failure))) + ((1 - s[j]) * success)
                    - ((q * statusQuo) + ((1 - q) * ((t * better) + ((1 - t) * worse))));
            }

            var ones = Enumerable.Repeat(1.0, n).ToArray();
            var security = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (j != i && x[j] != x[i])
                    {
                        security[i] += Eu(1, j, i, ones);
                    }
                }
            }

            double max = security.Max(), min = security.Min();
            var risk = security.Select(value => max - min > 1e-12 * Math.Max(1, Math.Max(Math.Abs(max), Math.Abs(min)))
                ? (1 - ((2 * value - max - min) / (max - min) / 3)) / (1 + ((2 * value - max - min) / (max - min) / 3))
                : 1.0).ToArray();

            var offers = new List<(string, string, string, double, double, double)>();
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (x[j] == x[i])
                    {
                        continue;
                    }

                    var own = Eu(risk[i], i, j, risk);
                    var theirs = Eu(risk[i], j, i, risk);
                    if (Math.Abs(own) < 1e-9 || Math.Abs(theirs) < 1e-9 || Math.Abs(theirs - own) < 1e-9 || Math.Abs(theirs + own) < 1e-9)
                    {
                        return null;
                    }

                    if (theirs > own && own > 0)
                    {
                        offers.Add(($"a{j}", $"a{i}", "confrontation", own, theirs, x[j]));
                    }
                    else if (theirs > 0 && own < 0 && theirs > Math.Abs(own))
                    {
                        offers.Add(($"a{j}", $"a{i}", "compromise", own, theirs, x[i] + ((x[j] - x[i]) * Math.Abs(own / theirs))));
                    }
                    else if (theirs > 0 && own < 0 && theirs < Math.Abs(own))
                    {
                        offers.Add(($"a{j}", $"a{i}", "capitulation", own, theirs, x[j]));
                    }
                }
            }

            return offers;
        }

        private static double TestMedian(double[] x, double[] w)
        {
            var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
            var total = w.Sum();
            double cumulative = 0;
            for (var u = 0; u < order.Length; u++)
            {
                cumulative += w[order[u]];
                if (u + 1 < order.Length && x[order[u + 1]] == x[order[u]])
                {
                    continue;
                }

                if (cumulative >= total / 2 * (1 - 1e-12))
                {
                    return x[order[u]];
                }
            }

            return x[order[^1]];
        }
    }
}

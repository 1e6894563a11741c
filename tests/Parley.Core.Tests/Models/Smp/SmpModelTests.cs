using System.Collections.Immutable;
using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Models.Smp;

public sealed class SmpModelTests
{
    private static SmpDetails Details(ModelResult result) => Assert.IsType<SmpDetails>(result.Details);

    [Fact]
    public void Catalog_ListsSmp()
    {
        Assert.IsType<SmpModel>(ModelCatalog.Find("smp"));
    }

    [Fact]
    public void Smp_SameScenarioTwice_GivesIdenticalHistories()
    {
        var scenario = SmpSyntheticScenario.Create(30, 3, 7);
        var first = Details(new SmpModel().Run(scenario, ModelOptions.Default));
        var second = Details(new SmpModel().Run(scenario, ModelOptions.Default));

        Assert.Equal(first.History.Length, second.History.Length);
        for (var t = 0; t < first.History.Length; t++)
        {
            foreach (var (actor, position) in first.History[t].Positions)
            {
                Assert.Equal(position.ToArray(), second.History[t].Positions[actor].ToArray());
                Assert.Equal(first.History[t].Probabilities[actor], second.History[t].Probabilities[actor]);
            }
        }
    }

    [Theory]
    [InlineData(9, 1)]
    [InlineData(40, 3)]
    [InlineData(70, 2)]
    public void Engine_VectorisedChallenges_AreBitIdenticalToScalar(int actors, int dimensions)
    {
        var scenario = SmpSyntheticScenario.Create(actors, dimensions, 11);
        var capability = scenario.Actors.Select(a => a.Capability!.Value).ToArray();
        var salience = scenario.Stances.Select(s => s.Salience).ToArray();
        var positions = scenario.Stances.Select(s => s.Position / 100).ToArray();
        var engine = new SmpEngine(capability, salience, dimensions, SmpParameters.Default);
        var state = engine.Start(positions);
        for (var turn = 0; turn < 3; turn++)
        {
            var scratch = engine.NewScratch();
            for (var i = 0; i < actors; i++)
            {
                Assert.Equal(engine.BestChallenge(state, i, scratch, vectorised: false), engine.BestChallenge(state, i, scratch, vectorised: true));
            }

            state = engine.Step(state, turn + 1, 0, trace: false, CancellationToken.None).Next;
        }
    }

    [Theory]
    [InlineData(27, 6, true)]
    [InlineData(27, 6, false)]
    [InlineData(13, 2, true)]
    [InlineData(13, 2, false)]
    [InlineData(3, 4, false)]
    public void Engine_PaddedVectorWidths_AreBitIdenticalToScalar(int actors, int dimensions, bool wideVectors)
    {
        // Actor counts that are not a whole number of vectors: the padded lanes must not leak into
        // any contest, whether the loop runs 512-bit vectors (where the processor has them) or Vector<T>.
        var scenario = SmpSyntheticScenario.Create(actors, dimensions, 23);
        var capability = scenario.Actors.Select(a => a.Capability!.Value).ToArray();
        var salience = scenario.Stances.Select(s => s.Salience).ToArray();
        var positions = scenario.Stances.Select(s => s.Position / 100).ToArray();
        var engine = new SmpEngine(capability, salience, dimensions, SmpParameters.Default, wideVectors);
        var reference = new SmpEngine(capability, salience, dimensions, SmpParameters.Default, wideVectors: false);
        var state = engine.Start(positions);
        var referenceState = reference.Start(positions);
        for (var turn = 0; turn < 4; turn++)
        {
            var scratch = engine.NewScratch();
            for (var i = 0; i < actors; i++)
            {
                Assert.Equal(engine.BestChallenge(state, i, scratch, vectorised: false), engine.BestChallenge(state, i, scratch, vectorised: true));
            }

            Assert.Equal(referenceState.Positions, state.Positions);
            Assert.Equal(referenceState.UniqueProbability, state.UniqueProbability);
            state = engine.Step(state, turn + 1, 0, trace: false, CancellationToken.None).Next;
            referenceState = reference.Step(referenceState, turn + 1, 0, trace: false, CancellationToken.None).Next;
        }
    }

    [Theory]
    [InlineData(27, 6, true, "")]
    [InlineData(27, 6, false, "")]
    [InlineData(17, 3, true, "StateTransitions=Stochastic")]
    [InlineData(13, 2, true, "BigRAdjust=Half")]
    [InlineData(9, 2, true, "BargnModel=PWCompInterp")]
    [InlineData(3, 4, true, "")]
    public void Engine_WholeTurns_VectorisedAndScalarEnginesAgreeBitForBit(int actors, int dimensions, bool wideVectors, string parameter)
    {
        // Every whole-vector path of a turn (challenger set-up, votes in registers, contest values,
        // bargain utilities, utility matrices) against the all-scalar engine, state by state.
        var scenario = SmpSyntheticScenario.Create(actors, dimensions, 31);
        var options = parameter.Length == 0 ? ModelOptions.Default : ModelOptions.Default.WithParameter(parameter.Split('=')[0], parameter.Split('=')[1]);
        var parameters = SmpParameters.From(scenario, options);
        var capability = scenario.Actors.Select(a => a.Capability!.Value).ToArray();
        var salience = scenario.Stances.Select(s => s.Salience).ToArray();
        var positions = scenario.Stances.Select(s => s.Position / 100).ToArray();
        var engine = new SmpEngine(capability, salience, dimensions, parameters, wideVectors);
        var scalar = new SmpEngine(capability, salience, dimensions, parameters, wideVectors: false, vectorised: false);
        var state = engine.Start(positions);
        var reference = scalar.Start(positions);
        for (var turn = 1; turn <= 6; turn++)
        {
            Assert.Equal(reference.Positions, state.Positions);
            Assert.Equal(reference.Ideals, state.Ideals);
            Assert.Equal(reference.Risk.Take(actors), state.Risk.Take(actors));
            Assert.Equal(reference.UniqueProbability, state.UniqueProbability);
            Assert.Equal(reference.ActorProbability, state.ActorProbability);
            var step = engine.Step(state, turn, 5, trace: true, CancellationToken.None);
            var referenceStep = scalar.Step(reference, turn, 5, trace: true, CancellationToken.None);
            Assert.Equal(referenceStep.Challenges, step.Challenges);
            Assert.Equal(referenceStep.Chosen.Select(b => (b.Initiator, b.Receiver)), step.Chosen.Select(b => (b.Initiator, b.Receiver)));
            state = step.Next;
            reference = referenceStep.Next;
        }

        Assert.Equal(reference.Positions, state.Positions);
    }

    [Theory]
    [InlineData(27, 6, true)]
    [InlineData(27, 6, false)]
    [InlineData(13, 3, true)]
    [InlineData(5, 2, true)]
    public void Engine_WholeTurns_ZeroVotesAndTies_VectorisedAndScalarEnginesAgreeBitForBit(int actors, int dimensions, bool wideVectors)
    {
        // Votes of exactly +0 and -0 (actors without capability: 0 times a negative difference is -0;
        // shared positions: equal utilities) go through the vector paths' max and min, which may
        // return either zero's sign; every sum must still be the scalar branches' bits.
        var scenario = SmpSyntheticScenario.Create(actors, dimensions, 43);
        var capability = scenario.Actors.Select((a, k) => k % 5 == 2 ? 0.0 : a.Capability!.Value).ToArray();
        var salience = scenario.Stances.Select((s, e) => e / dimensions % 7 == 3 ? 0.0 : s.Salience).ToArray();
        var positions = scenario.Stances.Select(s => s.Position / 100).ToArray();
        for (var k = 1; k < actors; k += 4)
        {
            Array.Copy(positions, (k - 1) * dimensions, positions, k * dimensions, dimensions);
        }

        var engine = new SmpEngine(capability, salience, dimensions, SmpParameters.Default, wideVectors);
        var scalar = new SmpEngine(capability, salience, dimensions, SmpParameters.Default, wideVectors: false, vectorised: false);
        var state = engine.Start(positions);
        var reference = scalar.Start(positions);
        for (var turn = 1; turn <= 5; turn++)
        {
            Assert.Equal(reference.Risk.Take(actors).Select(BitConverter.DoubleToInt64Bits), state.Risk.Take(actors).Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(reference.UniqueProbability.Select(BitConverter.DoubleToInt64Bits), state.UniqueProbability.Select(BitConverter.DoubleToInt64Bits));
            var step = engine.Step(state, turn, 5, trace: true, CancellationToken.None);
            var referenceStep = scalar.Step(reference, turn, 5, trace: true, CancellationToken.None);
            Assert.Equal(referenceStep.Challenges, step.Challenges);
            Assert.Equal(referenceStep.Chosen.Select(b => (b.Initiator, b.Receiver)), step.Chosen.Select(b => (b.Initiator, b.Receiver)));
            Assert.Equal(referenceStep.Next.Positions.Select(BitConverter.DoubleToInt64Bits), step.Next.Positions.Select(BitConverter.DoubleToInt64Bits));
            state = step.Next;
            reference = referenceStep.Next;
        }
    }

    [Theory]
    [InlineData(2, 9)]
    [InlineData(13, 27)]
    [InlineData(27, 27)]
    public void Coalitions_PropSumsWithZeroVotes_EqualVoterByVoterBranches(int options, int actors)
    {
        // Voters without weight cast votes of +0 or -0 and equal utilities votes of 0: the vector
        // path's max/min (either zero's sign) must leave each sum as the branches do.
        var random = new Random((options * 31) + actors);
        var weights = Enumerable.Range(0, actors).Select(k => k % 3 == 0 ? 0.0 : 10 + (190 * random.NextDouble())).ToArray();
        var utility = new double[(actors * options) + SmpElection.Slack];
        for (var e = 0; e < actors * options; e++)
        {
            utility[e] = random.NextDouble() < 0.3 ? 0.5 : random.NextDouble();
        }

        var c = new double[options * options];
        SmpElection.Coalitions(SmpVotingRule.Prop, weights, utility, options, c, new SmpElectionBuffers());
        for (var i = 0; i < options; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var forward = SmpElection.MinCoalition;
                var backward = SmpElection.MinCoalition;
                for (var k = 0; k < actors; k++)
                {
                    var v = weights[k] * (utility[(k * options) + i] - utility[(k * options) + j]);
                    forward = v > 0 ? forward + v : forward;
                    backward = v < 0 ? backward - v : backward;
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(forward), BitConverter.DoubleToInt64Bits(c[(i * options) + j]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(backward), BitConverter.DoubleToInt64Bits(c[(j * options) + i]));
            }
        }
    }

    [Theory]
    [InlineData(1, 5, true)]
    [InlineData(2, 27, true)]
    [InlineData(3, 27, false)]
    [InlineData(7, 9, true)]
    [InlineData(13, 27, false)]
    [InlineData(27, 27, true)]
    public void Coalitions_PropSums_EqualVoterByVoterSums(int options, int actors, bool slack)
    {
        // The Prop path keeps each block's sums in registers; every (i, j) must still be
        // minC + the positive votes added voter by voter, k = 0, 1, 2..., bit for bit, with and
        // without slack past the table's last row (without, the last blocks run scalar).
        var random = new Random(options * 100 + actors);
        var weights = Enumerable.Range(0, actors).Select(_ => 10 + (190 * random.NextDouble())).ToArray();
        var utility = new double[(actors * options) + (slack ? SmpElection.Slack : 0)];
        for (var e = 0; e < actors * options; e++)
        {
            utility[e] = random.NextDouble() < 0.1 ? 0.5 : random.NextDouble();
        }

        var c = new double[options * options];
        SmpElection.Coalitions(SmpVotingRule.Prop, weights, utility, options, c, new SmpElectionBuffers());
        for (var i = 0; i < options; i++)
        {
            for (var j = 0; j < options; j++)
            {
                var expected = SmpElection.MinCoalition;
                for (var k = 0; i != j && k < actors; k++)
                {
                    var v = weights[k] * (utility[(k * options) + i] - utility[(k * options) + j]);
                    expected = v > 0 ? expected + v : expected;
                }

                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(c[(i * options) + j]));
            }
        }
    }

    [Fact]
    public void Engine_ParallelTurn_ChallengesEqualOneThreadAtATime()
    {
        // 40 actors: the turn evaluates challengers in parallel; each must equal a lone sequential evaluation.
        var scenario = SmpSyntheticScenario.Create(40, 3, 17);
        var engine = new SmpEngine(
            [.. scenario.Actors.Select(a => a.Capability!.Value)],
            [.. scenario.Stances.Select(s => s.Salience)],
            3,
            SmpParameters.Default);
        var state = engine.Start([.. scenario.Stances.Select(s => s.Position / 100)]);
        var scratch = engine.NewScratch();
        var sequential = Enumerable.Range(0, 40).Select(i => engine.BestChallenge(state, i, scratch)).ToList();

        var step = engine.Step(state, 1, 0, trace: false, CancellationToken.None);

        Assert.Equal(
            sequential.Select((c, i) => c is { } x ? (i, x.Target, x.Probability, x.Gain) : (i, -1, 0.0, 0.0)).Where(c => c.Item2 >= 0),
            step.Challenges.Select(c => (c.Initiator, c.Target, c.Probability, c.Gain)));
    }

    [Fact]
    public void Engine_ChallengeEstimate_AgreesWithBestChallenge()
    {
        var scenario = SmpSyntheticScenario.Create(12, 2, 3);
        var engine = new SmpEngine(
            [.. scenario.Actors.Select(a => a.Capability!.Value)],
            [.. scenario.Stances.Select(s => s.Salience)],
            2,
            SmpParameters.Default);
        var state = engine.Start([.. scenario.Stances.Select(s => s.Position / 100)]);
        for (var i = 0; i < 12; i++)
        {
            if (engine.BestChallenge(state, i, engine.NewScratch()) is { } best)
            {
                var (probability, gain) = engine.EstimateChallenge(state, i, i, i, best.Target);
                Assert.Equal(best.Probability, probability);
                Assert.Equal(best.Gain, gain);
            }
        }
    }

    [Fact]
    public void Smp_IssueScaleDoubled_PositionsDouble()
    {
        var scenario = SmpSyntheticScenario.Create(15, 2, 5);
        var wide = scenario with
        {
            Issues = [.. scenario.Issues.Select(i => i with { ScaleMax = 200 })],
            Stances = [.. scenario.Stances.Select(s => s with { Position = s.Position * 2 })],
        };
        var narrow = Details(new SmpModel().Run(scenario, ModelOptions.Default));
        var doubled = Details(new SmpModel().Run(wide, ModelOptions.Default));

        Assert.Equal(narrow.History.Length, doubled.History.Length);
        foreach (var (actor, position) in narrow.History[^1].Positions)
        {
            Assert.Equal(position.Select(x => x * 2).ToArray(), doubled.History[^1].Positions[actor].ToArray());
        }
    }

    [Fact]
    public void Smp_EveryActorAtOnePosition_StopsWithoutMoving()
    {
        var issue = new Issue { Id = "x", Name = "X" };
        var scenario = new Scenario
        {
            Id = "consensus",
            Title = "Consensus",
            Issues = [issue],
            Actors = [.. Enumerable.Range(0, 4).Select(i => new Actor { Id = $"a{i}", Name = $"a{i}", Capability = i + 1 })],
            Stances = [.. Enumerable.Range(0, 4).Select(i => new Stance { ActorId = $"a{i}", IssueId = "x", Position = 40, Salience = 0.5 })],
        };

        var result = new SmpModel().Run(scenario, ModelOptions.Default);

        Assert.Equal(40, result.Issues.Single().Forecast, 12);
        Assert.Equal(2, result.RoundsRun);
        var final = Details(result).FinalPositions.Single();
        Assert.Equal(1.0, final.Probability, 12);
        Assert.Equal(4, final.Actors.Length);
    }

    [Fact]
    public void Smp_Forecasts_StayInsideTheIssueScale()
    {
        Gen.Select(Gen.Int[3, 12], Gen.Int[1, 3], Gen.ULong, (n, d, seed) => (n, d, seed))
            .Sample(c =>
            {
                var result = new SmpModel().Run(SmpSyntheticScenario.Create(c.n, c.d, c.seed), ModelOptions.Default);
                return result.Issues.All(f => f.Forecast is >= 0 and <= 100)
                    && Details(result).FinalPositions.Sum(u => u.Probability) is > 0.999999 and < 1.000001;
            }, iter: 25);
    }

    [Fact]
    public void Smp_Stochastic_SameSeedSameHistory()
    {
        var scenario = SmpSyntheticScenario.Create(20, 2, 9);
        var options = ModelOptions.Default.WithParameter("StateTransitions", "Stochastic") with { Seed = 123 };

        var first = Details(new SmpModel().Run(scenario, options));
        var second = Details(new SmpModel().Run(scenario, options));

        Assert.Equal("Stochastic", first.Parameters["StateTransitions"]);
        Assert.Equal(first.History.Length, second.History.Length);
        Assert.Equal(first.ExpectedPosition.ToArray(), second.ExpectedPosition.ToArray());
    }

    [Fact]
    public void Smp_ParameterFromScenario_IsUsedAndOptionsOverrideIt()
    {
        var scenario = SmpSyntheticScenario.Create(10, 2, 4) with
        {
            ModelParameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("VotingRule", "Proportional")]),
        };

        var fromFile = Details(new SmpModel().Run(scenario, ModelOptions.Default));
        var overridden = Details(new SmpModel().Run(scenario, ModelOptions.Default.WithParameter("VotingRule", "Cubic")));

        Assert.Equal("Prop", fromFile.Parameters["VotingRule"]);
        Assert.Equal("Cubic", overridden.Parameters["VotingRule"]);
    }

    [Theory]
    [InlineData("VotingRule", "Majority", "option VotingRule: 'Majority' is not allowed; use one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp")]
    [InlineData("BigRRange", "mid", "option BigRRange: 'mid' is not allowed; use one of Min, Mid, Max")]
    [InlineData("IdealAdjustment", "a0>nobody=0.5", "option IdealAdjustment: 'a0>nobody=0.5' names unknown actor 'nobody'; write cells as adjusting>reference=rate separated by ';', with actor ids and a rate from 0 to 1")]
    public void Smp_BadParameter_ThrowsWithAllowedValues(string name, string value, string message)
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (10, 0.5, 1), (60, 0.5, 2), (90, 0.5, 3));

        var error = Assert.Throws<ModelOptionException>(() => new SmpModel().Run(scenario, ModelOptions.Default.WithParameter(name, value)));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("VictoryProbModel", "Octic")]
    [InlineData("VictoryProbModel", "Binary")]
    [InlineData("PCEModel", "MarkovIncentive")]
    [InlineData("PCEModel", "MarkovUniform")]
    [InlineData("VotingRule", "PropBin")]
    [InlineData("VotingRule", "ASymProsp")]
    [InlineData("BigRAdjust", "Full")]
    [InlineData("BigRRange", "Max")]
    [InlineData("ThirdPartyCommit", "NoCommit")]
    [InlineData("ThirdPartyCommit", "FullCommit")]
    [InlineData("InterVecBrgn", "S1P1")]
    [InlineData("InterVecBrgn", "S2PMax")]
    [InlineData("BargnModel", "InitRcvrInterp")]
    [InlineData("BargnModel", "PWCompInterp")]
    [InlineData("IdealAdjustment", "A000>A000=0.5;A001>A000=0.2")]
    public void Smp_EveryParameterValue_RunsToAValidForecast(string name, string value)
    {
        var scenario = SmpSyntheticScenario.Create(12, 2, 21);

        var result = new SmpModel().Run(scenario, ModelOptions.Default.WithParameter(name, value) with { Trace = true });

        Assert.All(result.Issues, f => Assert.InRange(f.Forecast, 0, 100));
        Assert.Equal(result.RoundsRun, result.Rounds.Length);
        Assert.InRange(Details(result).FinalPositions.Sum(u => u.Probability), 0.999999, 1.000001);
    }

    [Fact]
    public void Smp_FixedRounds_RunsExactlyThatManyTurns()
    {
        var result = new SmpModel().Run(SmpSyntheticScenario.Create(8, 2, 2), ModelOptions.Default with { Rounds = 3, Trace = true });

        Assert.Equal(3, result.RoundsRun);
        Assert.Equal([1, 2, 3], result.Rounds.Select(r => r.Round));
        var round = Assert.IsType<SmpRoundTrace>(result.Rounds[0]);
        Assert.Equal(8, round.Positions.Count);
        Assert.All(round.Positions.Values, p => Assert.Equal(2, p.Length));
        Assert.NotEmpty(round.Describe());
    }

    [Fact]
    public void TurnStreams_FirstOutputs_ArePinned()
    {
        // xoshiro256** seeded by SplitMix64 from 42 (turn 0), checked against an independent implementation.
        var random = SmpStreams.ForTurn(42, 0);

        Assert.Equal(1546998764402558742UL, random.NextUInt64());
        Assert.Equal(6990951692964543102UL, random.NextUInt64());
        Assert.Equal(12544586762248559009UL, random.NextUInt64());
        Assert.NotEqual(1546998764402558742UL, SmpStreams.ForTurn(42, 1).NextUInt64());
    }

    [Fact]
    public void Select_PicksTheIndexWhoseCumulativeProbabilityFirstExceedsTheDraw()
    {
        double[] p = [0.2, 0.5, 0.3];
        Assert.Equal(0, SmpStreams.Select(p, 0.0));
        Assert.Equal(1, SmpStreams.Select(p, 0.2));
        Assert.Equal(2, SmpStreams.Select(p, 0.75));
        Assert.Equal(2, SmpStreams.Select(p, 0.9999999999999999));
    }
}

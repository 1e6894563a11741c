using System.Globalization;
using System.Text;
using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Tests.Shared;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>
/// The exchange engine's shortcuts change its speed, never its results: runs on threads and runs
/// that skip candidates their demander's sighting cannot change equal the plain sequential run
/// that recomputes everything, number for number.
/// </summary>
public sealed class ExchangeEngineEquivalenceTests
{
    // Parallel from the first candidate, so even small cases take the parallel paths.
    private static readonly ExchangeParallelism AlwaysParallel = new(2, 0);
    private static readonly ExchangeParallelism ThreeThreads = new(3, 0);

    private static readonly Gen<(double Capability, (double Position, double Salience, bool Present)[] Stances)[]> Actors =
        Gen.Select(Gen.Double[0, 10], Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 4]).Select((p, s, k) => (p, s, k != 0)).Array[4]).Array[2, 12];

    /// <summary>Every number of a run (forecasts, positions, each exchange and its externalities) written round-trip exact.</summary>
    internal static string Fingerprint(ModelResult result)
    {
        var text = new StringBuilder();
        void Add(FormattableString value) => text.AppendLine(value.ToString(CultureInfo.InvariantCulture));
        Add($"{result.RoundsRun} {result.Converged}");
        foreach (var issue in result.Issues)
        {
            Add($"{issue.IssueId} {issue.Forecast:R}");
            foreach (var position in issue.Positions)
            {
                Add($"  {position.ActorId} {position.Position:R}");
            }
        }

        foreach (var round in result.Rounds.Cast<ExchangeRoundTrace>())
        {
            Add($"round {round.Round}");
            foreach (var e in round.Exchanges)
            {
                Add($"{e.FirstActor} {e.FirstIssue} {e.FirstFrom:R} {e.FirstTo:R} {e.SecondActor} {e.SecondIssue} {e.SecondFrom:R} {e.SecondTo:R} {e.Gain:R} {e.FirstGain:R} {e.SecondGain:R}");
                foreach (var x in e.Externalities)
                {
                    Add($"  {x.ActorId} {x.Value:R} {x.Group}");
                }
            }

            foreach (var outcome in round.Issues)
            {
                Add($"{outcome.Id} {outcome.Outcome:R}");
            }
        }

        return text.ToString();
    }

    private static string RunWith(ExchangeParallelism parallelism, Scenario scenario, ModelOptions options, bool skipsSteady = true) =>
        Fingerprint(new ExchangeModel(parallelism, skipsSteady).Run(scenario, options));

    [Fact]
    public void Exchange_AnyScenario_ParallelRunEqualsSequentialRunBitForBit()
    {
        Gen.Select(Actors, Gen.Double[0, 1], Gen.ULong).Sample((actors, rexP, seed) =>
        {
            var scenario = RandomExchangeScenarios.Build(actors);
            var options = new ModelOptions { Rounds = 4, Trace = true, Seed = seed }.WithParameter("rex-p", rexP.ToString("R", CultureInfo.InvariantCulture));
            var sequential = RunWith(ExchangeParallelism.Sequential, scenario, options);
            return sequential == RunWith(AlwaysParallel, scenario, options) && sequential == RunWith(ThreeThreads, scenario, options);
        }, iter: 200);
    }

    [Fact]
    public void Exchange_FortyActorsTenIssues_ParallelRunEqualsSequentialRunBitForBit()
    {
        var random = new Random(2026);
        var actors = Enumerable.Range(0, 40)
            .Select(_ => (1 + (random.NextDouble() * 99), Enumerable.Range(0, 10).Select(_ => (random.NextDouble(), 0.1 + (random.NextDouble() * 0.9), random.Next(10) != 0)).ToArray()))
            .ToArray();
        var scenario = RandomExchangeScenarios.Build(actors);
        var options = new ModelOptions { Rounds = 10, Trace = true };

        var sequential = RunWith(ExchangeParallelism.Sequential, scenario, options);

        Assert.Contains("round 1", sequential, StringComparison.Ordinal);
        Assert.Equal(sequential, RunWith(AlwaysParallel, scenario, options));
        Assert.Equal(sequential, RunWith(ThreeThreads, scenario, options));
        Assert.Equal(sequential, RunWith(ExchangeParallelism.Default, scenario, options));
    }

    [Fact]
    public void Exchange_AnyScenario_SkippingSteadyCandidatesEqualsRecomputingAllBitForBit()
    {
        // Many small cases: a sighting that changes a candidate without touching it otherwise
        // (its demander then close to the seen outcome) is rare; 20,000 find one when the limit
        // leaves out the candidate's shift. The suite checks 5,000 per run (CsCheck draws new
        // cases each time); PARLEY_PROPERTY_SCALE=4 checks the 20,000.
        Gen.Select(Actors, Gen.Double[0, 1], Gen.ULong).Sample((actors, rexP, seed) =>
        {
            var scenario = RandomExchangeScenarios.Build(actors);
            var options = new ModelOptions { Rounds = 4, Trace = true, Seed = seed }.WithParameter("rex-p", rexP.ToString("R", CultureInfo.InvariantCulture));
            return RunWith(ExchangeParallelism.Sequential, scenario, options, skipsSteady: false) == RunWith(ExchangeParallelism.Sequential, scenario, options);
        }, iter: TestSize.Cases(5000));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    public void Exchange_SixtyActorsTwelveIssues_SkippingSteadyCandidatesEqualsRecomputingAllBitForBit(double rexP)
    {
        var random = new Random(12);
        var actors = Enumerable.Range(0, 60)
            .Select(_ => (1 + (random.NextDouble() * 99), Enumerable.Range(0, 12).Select(_ => (random.NextDouble(), 0.05 + (random.NextDouble() * 0.95), random.Next(8) != 0)).ToArray()))
            .ToArray();
        var scenario = RandomExchangeScenarios.Build(actors);
        var options = new ModelOptions { Rounds = 10, Trace = true, Seed = 5 }.WithParameter("rex-p", rexP.ToString("R", CultureInfo.InvariantCulture));

        var everything = RunWith(ExchangeParallelism.Sequential, scenario, options, skipsSteady: false);

        Assert.Contains("round 10", everything, StringComparison.Ordinal);
        Assert.Equal(everything, RunWith(ExchangeParallelism.Sequential, scenario, options));
        Assert.Equal(everything, RunWith(AlwaysParallel, scenario, options));
    }
}

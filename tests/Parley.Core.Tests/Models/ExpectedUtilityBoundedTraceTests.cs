using Parley.Core.Models;
using Parley.Core.Models.ExpectedUtility;

namespace Parley.Core.Tests.Models;

/// <summary>Issue 12, item 7: a traced eum run on many actors keeps its memory bounded.</summary>
public sealed class ExpectedUtilityBoundedTraceTests
{
    private static Parley.Core.Domain.Scenario Crowd(int actors)
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, actors)
            .Select(_ => (Position: random.NextDouble() * 100, Salience: 0.2 + (random.NextDouble() * 0.8), Capability: 1 + (random.NextDouble() * 99)))
            .ToArray();
        return TestScenarios.OneIssue(0, 100, null, rows);
    }

    [Fact]
    public void LargeTracedRun_RecordsOnlyAcceptedOffers_WithTheRoundsOfferCount()
    {
        // 150 actors x 149 proposers x 50 rounds = 1.1 million possible offers: above the limit.
        var scenario = Crowd(150);
        var result = new ExpectedUtilityModel().Run(scenario, ModelOptions.Default with { Trace = true, Rounds = 50 });

        var rounds = result.Rounds.Cast<ExpectedUtilityRound>().ToArray();
        Assert.Equal(50, rounds.Length);
        Assert.All(rounds, round =>
        {
            Assert.False(round.AllOffersRecorded);
            Assert.All(round.Offers, offer => Assert.True(offer.Accepted));
            Assert.InRange(round.Offers.Length, 0, 150);
            Assert.True(round.OfferCount >= round.Offers.Length);
        });
        Assert.Contains(rounds, r => r.OfferCount > 150);

        // The forecast does not depend on what the trace keeps.
        var untraced = new ExpectedUtilityModel().Run(scenario, ModelOptions.Default with { Rounds = 50 });
        Assert.Equal(untraced.Issues.Single().Forecast, result.Issues.Single().Forecast);
    }

    [Fact]
    public void SmallTracedRun_RecordsEveryOffer()
    {
        var result = new ExpectedUtilityModel().Run(Crowd(12), ModelOptions.Default with { Trace = true, Rounds = 5 });
        Assert.All(result.Rounds.Cast<ExpectedUtilityRound>(), round =>
        {
            Assert.True(round.AllOffersRecorded);
            Assert.Equal(round.OfferCount, round.Offers.Length);
        });
        Assert.Contains(result.Rounds.Cast<ExpectedUtilityRound>(), r => r.Offers.Any(o => !o.Accepted));
    }
}

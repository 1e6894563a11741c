using Parley.Formats.Deu;

namespace Parley.Formats.Tests.Deu;

public sealed class CouncilRegimesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void EveryRule_PowerSumsToOneAndFollowsTheWeights()
    {
        foreach (var regime in CouncilRegimes.All)
        {
            var power = regime.QualifiedMajorityPower;
            output.WriteLine($"{regime.Name}: " + string.Join(" ", power.OrderByDescending(p => p.Value).Select(p => $"{p.Key}={p.Value:F4}")));
            Assert.Equal(1, power.Values.Sum(), 9);
            foreach (var (code, weight) in regime.Weights)
            {
                foreach (var (other, otherWeight) in regime.Weights.Where(w => w.Value < weight))
                {
                    Assert.True(power[code] >= power[other] - 1e-12, $"{regime.Name}: {code} should have at least {other}'s power");
                }
            }
        }
    }

    [Theory]
    [InlineData("de", 0.1167)]
    [InlineData("es", 0.0955)]
    [InlineData("nl", 0.0552)]
    [InlineData("se", 0.0454)]
    [InlineData("ie", 0.0353)]
    [InlineData("lu", 0.0207)]
    public void AmsterdamEu15_MatchesThePublishedShapleyShubikIndices(string code, double published)
    {
        // Felsenthal & Machover (1998), The Measurement of Voting Power, EU15 QMV (62 of 87 votes).
        Assert.Equal(published, CouncilRegimes.All[0].QualifiedMajorityPower[code], 4);
    }

    [Fact]
    public void For_PicksTheRuleOfTheDateAndMovesOnForLaterMembers()
    {
        Assert.Equal("Amsterdam EU15", CouncilRegimes.For(new DateOnly(2000, 1, 26), ["de", "fr"])!.Name);
        Assert.Equal("Nice EU27", CouncilRegimes.For(new DateOnly(2008, 5, 13), ["de"])!.Name);
        Assert.Equal("Lisbon double majority EU28", CouncilRegimes.For(new DateOnly(2016, 12, 13), ["uk"])!.Name);
        Assert.Equal("Nice EU25", CouncilRegimes.For(new DateOnly(2003, 1, 1), ["pl"])!.Name);
        Assert.Null(CouncilRegimes.For(new DateOnly(2021, 1, 1), ["uk"]));
    }
}

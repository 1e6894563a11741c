using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Models.ExpectedUtility;
using Parley.Reports.Charts;
using Parley.Reports.Html;

namespace Parley.Reports.Tests;

/// <summary>The report's sentences: a count takes the singular for one, and a capability that is not zero never reads 0.</summary>
public sealed class ReportWordingTests
{
    [Theory]
    [InlineData(1, "round", null, "1 round")]
    [InlineData(0, "round", null, "0 rounds")]
    [InlineData(2, "issue", null, "2 issues")]
    [InlineData(-1, "point", null, "-1 point")]
    [InlineData(1000, "draw", null, "1,000 draws")]
    [InlineData(1, "judgement", null, "1 judgement")]
    [InlineData(3, "analysis", "analyses", "3 analyses")]
    public void Counted_TakesTheSingularForOne(long count, string singular, string? plural, string text) =>
        Assert.Equal(text, Counted.Of(count, singular, plural));

    [Theory]
    [InlineData(60, "60")]
    [InlineData(0.26, "0.26")]
    [InlineData(0.0123, "0.012")]
    [InlineData(0.005, "0.005")]
    [InlineData(0.0001958, "0.0002")]
    [InlineData(0, "0")]
    [InlineData(1e-20, "1E-20")]
    public void Capability_NotZero_NeverPrintsAsZero(double capability, string text) =>
        Assert.Equal(text, ScaleNumber.Capability(capability));

    [Fact]
    public void NegotiationReport_OneIssueOneRound_SaysSingularAndShowsTinyCapabilities()
    {
        // As honduras.csv: capabilities far below 0.005 next to a large one, and one issue.
        var scenario = new Scenario
        {
            Id = "h",
            Title = "One issue",
            Issues = [new Issue { Id = "x", Name = "Issue X", StatusQuo = 50 }],
            Actors =
            [
                new Actor { Id = "n", Name = "Nicaragua", Capability = 0.0001958 },
                new Actor { Id = "h", Name = "Honduras", Capability = 0.0001 },
                new Actor { Id = "u", Name = "United States", Capability = 0.26 },
            ],
            Stances =
            [
                new Stance { ActorId = "n", IssueId = "x", Position = 10, Salience = 0.9 },
                new Stance { ActorId = "h", IssueId = "x", Position = 60, Salience = 0.5 },
                new Stance { ActorId = "u", IssueId = "x", Position = 90, Salience = 0.4 },
            ],
        };
        var options = ModelOptions.Default with { Trace = true, Rounds = 1 };
        var html = NegotiationReport.ToHtml(new NegotiationReportInput
        {
            Scenario = scenario,
            Results = [new CompromiseModel().Run(scenario, options), new ExpectedUtilityModel().Run(scenario, options)],
            Command = "test",
        });

        Assert.Contains("3 actors, 1 issue, 3 stances", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"meta\">1 round;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1 rounds", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1 issues", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.0002</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">0.0001</td>", html, StringComparison.Ordinal);
        Assert.Contains("capability 0.0002,", html, StringComparison.Ordinal);
    }
}

using Parley.Core.Domain;

namespace Parley.Cli.Tests;

/// <summary>The built-in scenario keeps the project's rules: evidence on every stance, short quotes, the report's actors and stages.</summary>
public sealed class AlaskaScenarioTests
{
    private static readonly Scenario Alaska = BuiltInScenarios.Alaska();

    [Fact]
    public void EveryStance_CarriesEvidence()
    {
        Assert.All(Alaska.Stances, s => Assert.NotEmpty(s.Evidence));
    }

    [Fact]
    public void EveryQuote_IsAtMostFifteenWordsAndAttributed()
    {
        var quotes = Alaska.Stances.SelectMany(s => s.Evidence).Concat(Alaska.Actors.SelectMany(a => a.Evidence))
            .Where(e => e.Kind == EvidenceKind.Quote).ToList();
        Assert.NotEmpty(quotes);
        Assert.All(quotes, q =>
        {
            Assert.InRange(q.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, 15);
            Assert.Equal("report", q.SourceId);
        });
    }

    [Fact]
    public void Scenario_HasTheReportsActorsIssuesAndStages()
    {
        Assert.Superset(new HashSet<string> { "usa", "rus", "ukr", "europe", "uk", "trump", "putin", "witkoff", "lavrov", "belousov", "siluanov", "dmitriev", "ushakov", "zelenskyy", "starmer" }, Alaska.Actors.Select(a => a.Id).ToHashSet());
        Assert.Equal(["ceasefire", "territory", "sanctions", "nato", "guarantees", "arms", "economy"], Alaska.Issues.Select(i => i.Id));
        Assert.Equal(["one-on-one", "delegations", "with-ukraine"], Alaska.Stages.Select(s => s.Id));
        Assert.All(Alaska.Issues, i => Assert.True(i.Anchors.Length >= 3 && i.StatusQuo is not null));
    }

    [Fact]
    public void Outcomes_AreDatedWithinTheHorizon_QuoteAtMostFifteenWords_AndNameTheirSources()
    {
        Assert.Equal("2025-09-15", Alaska.Horizon);
        Assert.False(string.IsNullOrWhiteSpace(Alaska.Question));
        var observations = Alaska.Issues.Select(i => (Issue: i, Observation: i.OutcomeObservation)).ToList();
        Assert.All(observations, o => Assert.NotNull(o.Observation));
        foreach (var (issue, observation) in observations)
        {
            Assert.NotEmpty(observation!.Evidence);
            Assert.True(issue.Outcome is not null || !string.IsNullOrWhiteSpace(observation.Note), issue.Id);
            if (issue.Outcome is not null)
            {
                Assert.Contains(observation.Evidence, e => e.Kind == EvidenceKind.AnalystJudgement);
                Assert.True(string.CompareOrdinal(observation.Date, "2025-09-15") <= 0, $"{issue.Id} observed after the horizon");
            }

            foreach (var quote in observation.Evidence.Where(e => e.Kind != EvidenceKind.AnalystJudgement))
            {
                Assert.InRange(quote.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 1, quote.Kind == EvidenceKind.Quote ? 15 : 40);
                var source = Assert.Single(Alaska.Sources, s => s.Id == quote.SourceId);
                Assert.All(new[] { source.Title, source.Publisher, source.Date, source.Url }, field => Assert.False(string.IsNullOrWhiteSpace(field)));
            }
        }

        // The issue text's known outcome: no ceasefire, and the US dropped its demand for one first.
        Assert.Equal(5, Alaska.FindIssue("ceasefire")!.Outcome);
        Assert.Null(Alaska.FindIssue("guarantees")!.Outcome);
    }
}

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
}

using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;
using Parley.Core.WhatIf;

namespace Parley.Core.Tests.WhatIf;

public sealed class ScenarioOverlayTests
{
    private static Scenario TwoIssues() => ScenarioGen.Build([10, 20, 30], [0, 50, 40, 60, 100, 90], [1, 1, 0.5, 0.5, 1, 1], [null, 50]);

    private static ScenarioOverlay Settings(params string[] texts) => new()
    {
        Settings = [.. texts.Select(t => ScenarioOverlay.ParseSetting(t).Setting!)],
    };

    [Fact]
    public void SetStanceFields_ChangesOnlyThatStance()
    {
        var scenario = TwoIssues();
        var result = Settings("a1.i0.position=10", "a1.i0.salience=0.25", "a1.i0.capability=7", "a2.capability=3", "i1.status_quo=20").ApplyTo(scenario);

        Assert.True(result.Succeeded);
        var edited = result.Scenario!;
        var stance = edited.FindStance("a1", "i0")!;
        Assert.Equal((10.0, 0.25, (double?)7), (stance.Position, stance.Salience, stance.Capability));
        Assert.Equal(3, edited.FindActor("a2")!.Capability);
        Assert.Equal(20, edited.FindIssue("i1")!.StatusQuo);
        Assert.Equal(scenario.FindStance("a1", "i1"), edited.FindStance("a1", "i1"));
    }

    [Fact]
    public void SalienceAsPercent_IsRejectedWithTheFractionToWrite()
    {
        var result = Settings("a0.i0.salience=40").ApplyTo(TwoIssues());
        var error = Assert.Single(result.Errors);
        Assert.Equal("--set a0.i0.salience=40", error.Origin);
        Assert.Contains("from 0 to 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("write 0.4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zz.i0.position=1", "unknown actor 'zz'; actors are a0, a1, a2")]
    [InlineData("a0.zz.position=1", "unknown issue 'zz'; issues are i0, i1")]
    [InlineData("a0.i0.weight=1", "'weight' is not a stance field")]
    [InlineData("a0.i0.position=101", "use a number from 0 to 100")]
    [InlineData("a0.i0.capability=-1", "non-negative")]
    [InlineData("a0.power=1", "use a0.capability")]
    [InlineData("i0.sq=1", "use i0.status_quo")]
    [InlineData("a0.i0.position.x=1", "paths are ACTOR.ISSUE.position")]
    public void BadPath_NamesTheProblemAndWhatIsAllowed(string text, string expected)
    {
        var result = Settings(text).ApplyTo(TwoIssues());
        Assert.False(result.Succeeded);
        Assert.Contains(expected, Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a0.i0.position")]
    [InlineData("a0.i0.position=lots")]
    [InlineData("a0.i0.position=NaN")]
    public void ParseSetting_RejectsMalformedText(string text)
    {
        var (setting, error) = ScenarioOverlay.ParseSetting(text);
        Assert.Null(setting);
        Assert.NotNull(error);
    }

    [Fact]
    public void SeveralBadEdits_AreAllReported()
    {
        var overlay = Settings("a0.i0.salience=2", "zz.capability=1") with { Removals = [new OverlayRemoval("nobody", "--remove-actor nobody")] };
        Assert.Equal(3, overlay.ApplyTo(TwoIssues()).Errors.Length);
    }

    [Fact]
    public void RemoveActor_DropsItsStancesMembershipsAndSeats()
    {
        var scenario = TwoIssues() with { Stages = [new Stage { Id = "s", Name = "S", Participants = ["a0", "a1"] }] };
        scenario = scenario with { Actors = scenario.Actors.Add(new Actor { Id = "bloc", Name = "Bloc", Members = ["a0", "a2"] }) };
        var edited = new ScenarioOverlay { Removals = [new OverlayRemoval("a0", "--remove-actor a0")] }.ApplyTo(scenario).Scenario!;

        Assert.Null(edited.FindActor("a0"));
        Assert.DoesNotContain(edited.Stances, s => s.ActorId == "a0");
        Assert.Equal(["a1"], edited.Stages.Single().Participants.ToArray());
        Assert.Equal(["a2"], edited.FindActor("bloc")!.Members.ToArray());
    }

    [Fact]
    public void AddStage_AppendsAfterTheImplicitStage()
    {
        var (stage, error) = ScenarioOverlay.ParseStage("later:a0,a1:i1:median");
        Assert.Null(error);
        var edited = new ScenarioOverlay { AddedStages = [stage!] }.ApplyTo(TwoIssues()).Scenario!;

        Assert.Equal([StagedForecaster.ImplicitStageId, "later"], edited.Stages.Select(s => s.Id).ToArray());
        var added = edited.Stages[1];
        Assert.Equal(["a0", "a1"], added.Participants.ToArray());
        Assert.Equal(["i1"], added.Issues.ToArray());
        Assert.Equal("median", added.Model);
    }

    [Fact]
    public void AddStage_UnknownIdsAreReported()
    {
        var (stage, _) = ScenarioOverlay.ParseStage("later:a0,ghost:nowhere:oracle");
        var errors = new ScenarioOverlay { AddedStages = [stage!] }.ApplyTo(TwoIssues()).Errors;
        Assert.Equal(3, errors.Length);
        Assert.All(errors, e => Assert.Equal("--add-stage later:a0,ghost:nowhere:oracle", e.Origin));
    }

    [Fact]
    public void AddStance_NeedsPositionAndSalience()
    {
        var scenario = TwoIssues() with { Stances = [.. TwoIssues().Stances.Where(s => !(s.ActorId == "a0" && s.IssueId == "i1"))] };
        Assert.Contains("set both a0.i1.position and a0.i1.salience", Settings("a0.i1.position=5").ApplyTo(scenario).Errors.Single().Message, StringComparison.Ordinal);
        var added = Settings("a0.i1.position=5", "a0.i1.salience=0.5").ApplyTo(scenario).Scenario!;
        Assert.Equal(5, added.FindStance("a0", "i1")!.Position);
    }

    [Fact]
    public void Comparison_HighlightsOnlyTheIssueThatMoved()
    {
        var scenario = TwoIssues();
        var variant = Settings("a0.i0.position=30").ApplyTo(scenario).Scenario!;
        var model = new CompromiseModel();
        var rows = ForecastComparison.Compare(scenario, StagedForecaster.Run(scenario, model, ModelOptions.Default), StagedForecaster.Run(variant, model, ModelOptions.Default));

        Assert.Equal(4, rows.Length);
        Assert.All(rows.Where(r => r.IssueId == "i0"), r => Assert.True(r.Changed));
        Assert.All(rows.Where(r => r.IssueId == "i1"), r => Assert.False(r.Changed));
        var final = rows.Single(r => r.IsFinal && r.IssueId == "i0");
        // weights on i0: 10*1, 20*0.5, 30*1 = 50 in all; a0 moves 30 with weight 10.
        Assert.Equal(30.0 * 10 / 50, final.Delta!.Value, 9);
    }
}

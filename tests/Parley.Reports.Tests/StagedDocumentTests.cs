using System.Text.Json;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;
using Parley.Core.WhatIf;
using Parley.Reports;

namespace Parley.Reports.Tests;

public sealed class StagedDocumentTests
{
    private static readonly Scenario Scenario = new()
    {
        Id = "s",
        Title = "S",
        Issues = [new Issue { Id = "x", Name = "X", StatusQuo = 20 }, new Issue { Id = "y", Name = "Y" }],
        Actors = [new Actor { Id = "a", Name = "A" }, new Actor { Id = "b", Name = "B" }],
        Stances =
        [
            new Stance { ActorId = "a", IssueId = "x", Position = 0, Salience = 1 },
            new Stance { ActorId = "b", IssueId = "x", Position = 100, Salience = 1 },
            new Stance { ActorId = "a", IssueId = "y", Position = 40, Salience = 1 },
        ],
        Stages =
        [
            new Stage { Id = "first", Name = "First", Participants = ["a"], Issues = ["x"] },
            new Stage { Id = "second", Name = "Second", Participants = ["a", "b"] },
        ],
    };

    [Fact]
    public void ForecastDocument_WithStages_WritesEachStage()
    {
        var staged = StagedForecaster.Run(Scenario, new CompromiseModel(), ModelOptions.Default);
        var json = ForecastDocument.ToJson(Scenario, [new ModelResult { Model = staged.Model, Issues = staged.Final }], [staged]);

        using var document = JsonDocument.Parse(json);
        var stages = document.RootElement.GetProperty("forecasts")[0].GetProperty("stages");
        Assert.Equal(2, stages.GetArrayLength());
        Assert.Equal("first", stages[0].GetProperty("id").GetString());
        Assert.Equal(["a"], stages[0].GetProperty("participants").EnumerateArray().Select(p => p.GetString()));
        var firstX = stages[0].GetProperty("issues")[0];
        Assert.Equal((20.0, 0.0), (firstX.GetProperty("status_quo").GetDouble(), firstX.GetProperty("forecast").GetDouble()));
        var secondX = stages[1].GetProperty("issues")[0];
        Assert.Equal((0.0, 50.0), (secondX.GetProperty("status_quo").GetDouble(), secondX.GetProperty("forecast").GetDouble()));
        Assert.False(stages[1].GetProperty("issues")[1].TryGetProperty("status_quo", out _));
    }

    [Fact]
    public void WhatIfDocument_SplitsStageRowsFromFinalRows()
    {
        var overlay = new ScenarioOverlay { Settings = [ScenarioOverlay.ParseSetting("a.x.position=50").Setting!] };
        var variant = overlay.ApplyTo(Scenario).Scenario!;
        var model = new CompromiseModel();
        var rows = ForecastComparison.Compare(Scenario, StagedForecaster.Run(Scenario, model, ModelOptions.Default), StagedForecaster.Run(variant, model, ModelOptions.Default));

        using var document = JsonDocument.Parse(WhatIfDocument.ToJson(Scenario, overlay, [("compromise", rows)]));
        var root = document.RootElement;
        Assert.Equal("a.x.position", root.GetProperty("edits").GetProperty("set")[0].GetProperty("path").GetString());
        var comparison = root.GetProperty("comparisons")[0];
        Assert.Equal(["first", "second"], comparison.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var finalX = comparison.GetProperty("final")[0];
        Assert.Equal((50.0, 75.0, 25.0, true), (finalX.GetProperty("baseline").GetDouble(), finalX.GetProperty("whatif").GetDouble(), finalX.GetProperty("delta").GetDouble(), finalX.GetProperty("changed").GetBoolean()));
        Assert.False(comparison.GetProperty("final")[1].GetProperty("changed").GetBoolean());
    }
}

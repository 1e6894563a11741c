using System.Collections.Immutable;

namespace Parley.Application;

/// <summary>
/// A what-if: the scenario as written against the scenario with edits (an overlay file, then
/// <c>--set</c>, <c>--remove-actor</c> and <c>--add-stage</c> edits), stage by stage when asked or
/// when the edits add a stage.
/// </summary>
public sealed record WhatIfRequest
{
    /// <summary>The scenario.</summary>
    public ScenarioSource Scenario { get; init; } = ScenarioSource.BuiltIn();

    /// <summary>The models and their options.</summary>
    public ModelRequest Models { get; init; } = new();

    /// <summary>Blocs and delegations: <c>as-written</c>, <c>merge</c> or <c>split</c>.</summary>
    public string Blocs { get; init; } = "as-written";

    /// <summary>An overlay (YAML with set, remove_actors, add_stages), applied before the other edits; <c>null</c> for none.</summary>
    public ScenarioSource? Overlay { get; init; }

    /// <summary>Edits <c>PATH=VALUE</c> (see <see cref="Core.WhatIf.ScenarioOverlay.AllowedPaths"/>).</summary>
    public ImmutableArray<string> Settings { get; init; } = [];

    /// <summary>Actors to take out.</summary>
    public ImmutableArray<string> RemoveActors { get; init; } = [];

    /// <summary>Stages to append, <c>ID:PARTICIPANTS[:ISSUES[:MODEL]]</c>.</summary>
    public ImmutableArray<string> AddStages { get; init; } = [];

    /// <summary>Compare stage by stage (implied when the edits add a stage).</summary>
    public bool Stages { get; init; }
}

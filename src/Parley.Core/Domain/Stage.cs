using System.Collections.Immutable;

namespace Parley.Core.Domain;

/// <summary>One step of a negotiation in stages, e.g. a one-on-one before expanded talks.</summary>
public sealed record Stage
{
    /// <summary>Identifier of the stage.</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name.</summary>
    public required string Name { get; init; }

    /// <summary>What happens at this stage, if described.</summary>
    public string? Description { get; init; }

    /// <summary>Ids of the actors taking part.</summary>
    public ImmutableArray<string> Participants { get; init; } = [];

    /// <summary>Ids of the issues on the table; empty means every issue.</summary>
    public ImmutableArray<string> Issues { get; init; } = [];

    /// <summary>The model to run at this stage (a model id); <c>null</c> for the caller's choice.</summary>
    public string? Model { get; init; }

    /// <summary>The decision rules at this stage; <c>null</c> to keep the scenario's.</summary>
    public DecisionRules? Rules { get; init; }
}

namespace Parley.Storage;

/// <summary>Which part of a scenario a <see cref="ScenarioChange"/> is about.</summary>
public enum ScenarioPart
{
    /// <summary>The scenario's own fields: title, date, description, default spread, model parameters.</summary>
    Scenario,

    /// <summary>A cited document.</summary>
    Source,

    /// <summary>An actor.</summary>
    Actor,

    /// <summary>An issue.</summary>
    Issue,

    /// <summary>An actor's stance on an issue.</summary>
    Stance,

    /// <summary>A piece of evidence for an actor's capability or a stance.</summary>
    Evidence,

    /// <summary>A stage of the negotiation.</summary>
    Stage,
}

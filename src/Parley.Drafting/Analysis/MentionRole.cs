namespace Parley.Drafting.Analysis;

/// <summary>What an actor does in the sentence that mentions it, by the drafter's clause heuristics.</summary>
internal enum MentionRole
{
    /// <summary>Mentioned only: an object, a possessive, a place ("in Moscow").</summary>
    Other,

    /// <summary>Subject of a verb inside a subordinate clause ("... that Washington may agree").</summary>
    Embedded,

    /// <summary>Subject of the main clause ("Trump has maintained ...").</summary>
    Agent,

    /// <summary>Subject of a verb of speech, or named by "according to".</summary>
    Speaker,
}

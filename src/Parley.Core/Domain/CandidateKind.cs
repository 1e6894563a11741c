namespace Parley.Core.Domain;

/// <summary>How a <see cref="CandidateEvidence"/> passage ties its actor to the issue.</summary>
public enum CandidateKind
{
    /// <summary>The actor's own words in quotation marks.</summary>
    DirectQuote,

    /// <summary>What the actor said, in the report's words ("Putin said the talks …").</summary>
    ReportedSpeech,

    /// <summary>What the report says the actor did or wants, without speech.</summary>
    Description,

    /// <summary>A mention that names the actor with a role or affiliation (justifies grouping a person under a state).</summary>
    Mention,
}

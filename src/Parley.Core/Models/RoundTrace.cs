using System.Collections.Immutable;

namespace Parley.Core.Models;

/// <summary>
/// What happened in one round of a dynamic model. Each model derives its own record with the
/// events it produces (exchanges, offers, bargains); reports serialise the public properties
/// of the derived record, so property names are the trace's field names.
/// </summary>
public abstract record RoundTrace
{
    /// <summary>Round number, from 1.</summary>
    public required int Round { get; init; }

    /// <summary>Every issue's outcome after the round.</summary>
    public required ImmutableArray<IssueOutcome> Issues { get; init; }

    /// <summary>Sentences a person can read, one per event of the round, for <c>--trace</c>.</summary>
    public abstract IEnumerable<string> Describe();
}

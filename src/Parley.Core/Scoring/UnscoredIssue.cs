namespace Parley.Core.Scoring;

/// <summary>An issue no forecast is scored on, and why (no outcome recorded, or the note of an outcome that cannot be told).</summary>
/// <param name="IssueId">The issue's id.</param>
/// <param name="Reason">Why it is not scored.</param>
public sealed record UnscoredIssue(string IssueId, string Reason);

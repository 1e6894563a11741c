namespace Parley.Core.Models;

/// <summary>An issue's outcome at the end of one round of a dynamic model.</summary>
/// <param name="Id">The issue id.</param>
/// <param name="Outcome">The model's outcome after the round, on the issue's scale.</param>
public readonly record struct IssueOutcome(string Id, double Outcome);

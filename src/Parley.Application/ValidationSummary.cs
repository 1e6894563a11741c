using Parley.Core.Domain;

namespace Parley.Application;

/// <summary>The line that says a scenario file is valid and what it holds, as <c>parley validate</c> and the workbench's check show it.</summary>
public static class ValidationSummary
{
    /// <summary>"alaska.yaml: valid (15 actors, 7 issues, 35 stances, 3 stages)", or for a draft "… a valid draft (…, 4 draft stances)".</summary>
    public static string For(string name, Scenario scenario) => scenario.IsDraft
        ? $"{name}: a valid draft ({Count(scenario.Actors.Length, "actor")}, {Count(scenario.Issues.Length, "issue")}, {Count(scenario.Stances.Length, "stance")}, {Count(scenario.DraftStances.Length, "draft stance")})"
        : $"{name}: valid ({Count(scenario.Actors.Length, "actor")}, {Count(scenario.Issues.Length, "issue")}, {Count(scenario.Stances.Length, "stance")}, {Count(scenario.Stages.Length, "stage")})";

    /// <summary>"1 issue", "13 issues".</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

using Parley.Application;

namespace Parley.Cli;

/// <summary>Prints why a request failed: located file problems with their count, or one <c>parley: …</c> line per problem.</summary>
internal static class Problems
{
    /// <summary>Prints <paramref name="outcome"/>'s problems to standard error and returns the invalid-input exit code.</summary>
    public static int Print<T>(CliConsole console, Outcome<T> outcome, bool countErrors = false)
        where T : class
    {
        if (!outcome.Diagnostics.IsEmpty)
        {
            Diagnostics.Print(console, outcome.Diagnostics);
        }

        foreach (var error in outcome.Errors)
        {
            console.Error.WriteLine($"parley: {error}");
        }

        if (countErrors && !outcome.Errors.IsEmpty)
        {
            console.Error.WriteLine($"{ValidationSummary.Count(outcome.Errors.Length, "problem")} found.");
        }

        return ExitCodes.InvalidInput;
    }
}

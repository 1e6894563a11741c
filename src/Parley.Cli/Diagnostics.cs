using Parley.Application;
using Parley.Formats;

namespace Parley.Cli;

/// <summary>Prints located input problems, one per line, as <c>file:line:column: message</c>.</summary>
internal static class Diagnostics
{
    public static void Print(CliConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        var listed = diagnostics.ToList();
        foreach (var diagnostic in listed)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        // A cut list closes with "and N more problems": the count is every problem found, not the lines printed.
        var count = DiagnosticList.CountProblems(listed);
        console.Error.WriteLine($"{ValidationSummary.Count(count, "problem")} found.");
    }
}

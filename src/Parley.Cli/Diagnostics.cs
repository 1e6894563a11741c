using Parley.Formats;

namespace Parley.Cli;

/// <summary>Prints located input problems, one per line, as <c>file:line:column: message</c>.</summary>
internal static class Diagnostics
{
    public static void Print(CliConsole console, IEnumerable<Diagnostic> diagnostics)
    {
        var count = 0;
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
            count++;
        }

        console.Error.WriteLine(count == 1 ? "1 problem found." : $"{count} problems found.");
    }
}

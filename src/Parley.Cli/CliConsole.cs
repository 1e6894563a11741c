using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Where the command writes: standard output and error, and a Spectre console for tables that
/// uses colour on a terminal and plain text when the output is redirected (to a file, a pipe or a test).
/// </summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool redirected, int width = 120)
    {
        Output = output;
        Error = error;
        Redirected = redirected;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
        {
            Ansi.Profile.Width = width;
        }
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Whether output goes somewhere other than a terminal: no colour, no progress bars.</summary>
    public bool Redirected { get; }

    /// <summary>The Spectre console for tables and markup.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>Set by Ctrl-C; long commands stop at the next round or draw and report what they have.</summary>
    public CancellationToken Cancellation { get; init; }

    public static CliConsole FromSystemConsole()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var width = Console.IsOutputRedirected ? RedirectedWidth(Environment.GetEnvironmentVariable("COLUMNS")) : Math.Max(80, SafeWindowWidth());
        return new CliConsole(Console.Out, Console.Error, Console.IsOutputRedirected, width) { Cancellation = cancellation.Token };
    }

    /// <summary>
    /// The width of tables written to a file or pipe: <c>COLUMNS</c> when it holds a whole number from
    /// 40 to 1000 (as shells and <c>COLUMNS=80 parley … | less</c> set it), else 150.
    /// </summary>
    internal static int RedirectedWidth(string? columns) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width is >= 40 and <= 1000 ? width : 150;

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}

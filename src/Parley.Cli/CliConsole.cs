using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Where the command writes: standard output and error, and a Spectre console for tables that
/// uses colour on a terminal and plain text when the output is redirected (to a file, a pipe or a test).
/// </summary>
internal sealed class CliConsole
{
    /// <summary>The width of tables written to a file or pipe when <c>COLUMNS</c> is not set: what editors, mail and issue trackers show unwrapped.</summary>
    public const int DefaultRedirectedWidth = 80;

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
        Ansi.Profile.Width = width;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>Whether output goes somewhere other than a terminal: no colour.</summary>
    public bool Redirected { get; }

    /// <summary>The Spectre console for tables and markup.</summary>
    public IAnsiConsole Ansi { get; }

    /// <summary>The width every table and line of standard output fits in.</summary>
    public int Width => Ansi.Profile.Width;

    /// <summary>
    /// Where progress is drawn: a Spectre console on standard error when that is a terminal, else
    /// <c>null</c> (no progress), so that redirected output and JSON never carry it.
    /// </summary>
    public IAnsiConsole? Progress { get; init; }

    /// <summary>Set by Ctrl-C; long commands stop at the next round or draw and report what they have.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// A heading rule across the width with <paramref name="markup"/> in it; a title too long for one
    /// rule goes on the lines under a plain rule, wrapped between words, rather than cut off.
    /// </summary>
    public void Heading(string markup)
    {
        if (Markup.Remove(markup).Length + 6 <= Width)
        {
            Ansi.Write(new Rule(markup).LeftJustified());
            return;
        }

        Ansi.Write(new Rule());
        Ansi.MarkupLine(markup);
    }

    public static CliConsole FromSystemConsole()
    {
        var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var redirected = Console.IsOutputRedirected;
        var width = WidthFor(Environment.GetEnvironmentVariable("COLUMNS"), redirected ? null : SafeWindowWidth());
        var progress = Console.IsErrorRedirected ? null : ProgressTerminal(Console.Error, AnsiSupport.Detect);
        return new CliConsole(Console.Out, Console.Error, redirected, width) { Cancellation = cancellation.Token, Progress = progress };
    }

    /// <summary>
    /// A console that draws progress bars on <paramref name="terminal"/>, as tall as the terminal says
    /// (<see cref="ProgressHeightFor"/>).
    /// </summary>
    internal static IAnsiConsole ProgressTerminal(TextWriter terminal, AnsiSupport ansi)
    {
        var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal), Interactive = InteractionSupport.Yes, Ansi = ansi });
        progress.Profile.Height = ProgressHeightFor(progress.Profile.Height);
        return progress;
    }

    /// <summary>
    /// The height a progress display may use, from the height the terminal reports: a bar takes
    /// <see cref="ProgressLines"/> lines (a blank, the bar, a blank), and Spectre's live display draws
    /// only an ellipsis in fewer (and throws at 0). A terminal reporting fewer rows has not told its size
    /// (0 on a pty whose size was never set, on <c>TERM=dumb</c>, or on a CI runner), so it gets
    /// Spectre's usual 24.
    /// </summary>
    internal static int ProgressHeightFor(int reported) => reported >= ProgressLines ? reported : 24;

    /// <summary>The lines one progress bar is drawn in.</summary>
    private const int ProgressLines = 3;

    /// <summary>
    /// The width of standard output: <c>COLUMNS</c> when it holds a whole number from 40 to 1000 (as
    /// shells and <c>COLUMNS=80 parley … | less</c> set it), else the terminal's width, else (a file
    /// or pipe) <see cref="DefaultRedirectedWidth"/>.
    /// </summary>
    internal static int WidthFor(string? columns, int? terminal) =>
        int.TryParse(columns, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width) && width is >= 40 and <= 1000
            ? width
            : terminal is > 0 and var known ? Math.Max(40, known) : DefaultRedirectedWidth;

    private static int? SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

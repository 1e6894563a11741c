using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace Parley.Cli.Tests;

/// <summary>
/// The terminal as a new user sees it: every command's tables fit 80, 120 and 200 columns with no
/// word cut and every header whole; numbers carry the decimals their scale calls for; progress never
/// reaches redirected output; Ctrl-C keeps what finished.
/// </summary>
public sealed partial class TerminalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("parley-terminal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<int> Widths => [80, 120, 200];

    private static readonly string[] AlaskaIssues =
    [
        "Ceasefire timing", "Territorial settlement", "Sanctions on Russia", "NATO enlargement and Ukraine's alignment",
        "Security guarantees and a European reassurance force", "Strategic arms control (New START)", "US-Russia economic cooperation",
    ];

    private static readonly string[] ModelIds = ["compromise", "median", "nash", "smp", "eum", "exchange", "recommended"];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Forecast_EveryModelAndIssueReadable(int width)
    {
        var output = Fits(width, "forecast");
        Whole(output, [.. ModelIds, .. AlaskaIssues]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void ForecastStages_FitsTheWidth(int width) => Whole(Fits(width, "forecast", "--stages"), [.. ModelIds, .. AlaskaIssues, "Settled at"]);

    [Theory]
    [MemberData(nameof(Widths))]
    public void MonteCarlo_FitsTheWidth(int width) =>
        Whole(Fits(width, "montecarlo", "--draws", "300", "--threads", "1"), [.. AlaskaIssues, "estimate", "mean", "sd", "5%", "95%", "histogram"]);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Score_FitsTheWidth_WithItsTitleWhole(int width) =>
        Whole(Fits(width, "score"), ["Track record: US-Russia summit in Alaska on the war in Ukraine (August 2025)"]);

    [Fact]
    public void MonteCarlo_ManyBins_HistogramMergedToFit()
    {
        var output = Fits(80, "montecarlo", "--draws", "300", "--threads", "1", "--bins", "200");
        Assert.Contains("200 equal bins", output, StringComparison.Ordinal);
        Assert.Matches("[0-9]+ to a character", output);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Sensitivity_FitsTheWidth(int width) =>
        Whole(Fits(width, "sensitivity", "--draws", "50", "--threads", "1", "--top", "3"), ["Input", "range", "low", "high", "swing", "rho", "tornado", "usa position on ceasefire"]);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Influence_FitsTheWidth(int width) =>
        Whole(Fits(width, "influence", "--issue", "sanctions"), ["Shapley", "Forecast without it", "Smallest change moving it 5", "europe"]);

    [Theory]
    [MemberData(nameof(Widths))]
    public void WhatIf_FitsTheWidth(int width) =>
        Whole(Fits(width, "whatif", "--stages", "--set", "usa.sanctions.position=80", "--model", "compromise,nash,recommended"), ["Baseline", "What-if", "Change", "with-ukraine", .. AlaskaIssues]);

    [Theory]
    [MemberData(nameof(Widths))]
    public void Backtest_FitsTheWidth(int width)
    {
        var data = Path.Combine(folder, "small.tsv");
        File.WriteAllText(data, string.Join('\n',
            "prnrnmc\tisnrnmc\tprnr\tprname\tisnr\ttype\tcouncil\tproc\tcounvte\tintro\tfinact\tpcom\tpep\tpde\tplu\tscom\tsep\tsde\tslu\trp\tout",
            "1\t1\td1\tone\td1i1\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\t100\t0\t40\t\t50\t80\t20\t\t0\t60",
            "1\t2\td1\tone\td1i2\tReg\tGeneral\tCOD\tQMV\t26-01-00\t999\t50\t100\t70\t10\t100\t100\t40\t30\t\t40",
            "3\t1\td3\tthree\td3i1\tDir\tAgri\tCNS\tUnan\t14-03-99\t999\t10\t90\t30\t20\t40\t60\t50\t50\t100\t25") + "\n");
        Whole(Fits(width, "backtest", data, "--format", "deu"), [.. ModelIds, "MAE", "Median AE", "Within 10", "vs compromise [95%]", "Nested CV MAE"]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void RunsList_FitsTheWidth(int width)
    {
        var db = Path.Combine(folder, "runs.sqlite");
        Assert.Equal(0, CliRunner.Run("forecast", "--model", "compromise,median,nash,recommended", "--save", "--db", db).ExitCode);
        Whole(Fits(width, "runs", "list", "--db", db), ["Run", "Status", "Command", "Scenario", "Models", "Started (UTC)", "Seconds", "Scenario hash", "completed", "recommended"]);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void SmpFinalPositions_ThirtyIssues_TransposedAndWhole(int width)
    {
        var path = Path.Combine(folder, "wide.csv");
        File.WriteAllText(path, WideKtab(issues: 30, actors: 6));
        var output = Fits(width, "forecast", path, "--model", "smp");
        Assert.Contains("distinct final positions", output, StringComparison.Ordinal);

        // Thirty issues do not stand side by side even at 200 columns: one row per issue, each position a column.
        Assert.Matches(@"\| Topic 29 Position +\|", output);
        Assert.Matches(@"#1: P\(prevails\) 0\.[0-9]{4}, held by", output);
    }

    [Fact]
    public void SmpFinalPositions_ThreeIssues_SideBySideAsKtab()
    {
        var path = Path.Combine(folder, "narrow.csv");
        File.WriteAllText(path, WideKtab(issues: 3, actors: 5));
        var output = Fits(80, "forecast", path, "--model", "smp");
        Assert.Matches(@"\| P\(prevails\) \|", output);
        Assert.Contains("Held by", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FittedTable_SplitsEvenly_AndKeepsKeyColumns()
    {
        // 7 columns of 14 beside a key of 24 at 80 columns: 3 tables of 3, 2, 2 rather than 3, 3, 1.
        var groups = FittedTable.Groups(80, [24], [null, 14, 14, 14, 14, 14, 14, 14]);
        Assert.Equal([3, 2, 2], groups.Select(g => g.Count));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], groups.SelectMany(g => g));

        // Everything fits at 200: one table.
        Assert.Single(FittedTable.Groups(200, [24], [null, 14, 14, 14, 14, 14, 14, 14]));
    }

    [Fact]
    public void FittedTable_TooWide_GivesEveryColumnItsLongestWordAndSharesTheRest()
    {
        var widths = FittedTable.Widths(40, needs: [10, 5, 6], naturals: [30, 5, 20])!;
        Assert.Equal(40, 1 + widths.Sum(w => w + 3));
        Assert.True(widths[0] >= 10 && widths[1] == 5 && widths[2] >= 6);
        Assert.Null(FittedTable.Widths(100, needs: [10, 5, 6], naturals: [30, 5, 20]));
    }

    [Fact]
    public void FittedTable_BracketedWords_WrapWhole()
    {
        // Escaped brackets made Spectre break "[95%]" into "[" and "95%]" (a backtest header and its intervals).
        using var output = new StringWriter();
        var console = new CliConsole(output, TextWriter.Null, redirected: true, width: 36);
        new FittedTable().Key("[bold]Model[/]").Column($"[bold]{Markup.Escape("Nested vs compromise [95%]")}[/]", Justify.Right)
            .Row("median", Markup.Escape("+4.98 [+1.54, +8.23]"))
            .Write(console);

        var text = output.ToString();
        Assert.Contains("[95%]", text, StringComparison.Ordinal);
        Assert.Contains("[+1.54,", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\[ *\|", text);
    }

    [Fact]
    public void FittedTable_StyledOrMixedMarkup_IsDrawnAsMarkup()
    {
        Assert.IsType<Text>(FittedTable.Renderable("[grey]plain [[note]][/]"));
        Assert.IsType<Markup>(FittedTable.Renderable("[bold yellow]*[/] and [grey]more[/]"));
    }

    [Fact]
    public void ZeroToOneScale_MonteCarloAndSensitivity_ShowThreeDecimals()
    {
        var path = Path.Combine(folder, "unit.yaml");
        File.WriteAllText(path, UnitScale);
        var monteCarlo = Fits(200, "montecarlo", path, "--draws", "2000", "--threads", "1");
        var row = monteCarlo.Split('\n').First(l => l.Contains("Share", StringComparison.Ordinal));
        var numbers = NumberPattern().Matches(row).Select(m => m.Value).ToList();
        Assert.Equal(8, numbers.Count);
        Assert.All(numbers, n => Assert.Matches(@"^0\.[0-9]{3}$", n));
        Assert.DoesNotContain("0.0 ", row, StringComparison.Ordinal);

        var sensitivity = Fits(200, "sensitivity", path, "--draws", "0");
        var swings = sensitivity.Split('\n').Where(l => l.Contains("position on share", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(swings);
        Assert.All(swings, l => Assert.Matches(@"\|\s+0\.[0-9]{3} \|", l));
        Assert.Contains(swings, l => !Regex.IsMatch(l, @"\|\s+0\.0 \|"));
    }

    [Fact]
    public void Forecast_ZeroToOneScale_NumbersWithThreeDecimals()
    {
        var path = Path.Combine(folder, "unit.yaml");
        File.WriteAllText(path, UnitScale);
        var output = Fits(80, "forecast", path, "--model", "compromise");
        Assert.Matches(@"\| 0\.[0-9]{2,3} ", output);
        Assert.Contains("0-1, status quo 0.2", output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonOutput_DoesNotDependOnTheWidth()
    {
        Assert.Equal(Run(80, "forecast", "--json").Output, Run(200, "forecast", "--json").Output);
    }

    [Fact]
    public void Progress_TerminalAndLongRun_DrawnOnTheProgressConsole()
    {
        using var output = new StringWriter();
        var (console, drawn) = RecordingTerminal(output);

        // A long run: at least 1.5 s, and on until its bar is drawn (30 s at most), rather than a fixed 1.5 s, which a
        // loaded machine could finish before the 1 s delay's timer got a thread to fire on (a clean-clone run failed so).
        // The count stays below the total until then: a task complete when the bar first draws is hidden at once
        // (HideCompleted), and a late first draw then showed only empty frames (CI-like runs failed so, 1 in 5).
        var clock = Stopwatch.StartNew();
        var result = DrawProgress.Run(console, 10, "test", "steps", reporter =>
        {
            for (var i = 1; i <= 10 || (!drawn().Contains("steps", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(30)); i++)
            {
                Thread.Sleep(150);
                reporter?.Report(Math.Min(i, 9));
            }

            reporter?.Report(10);
            return 42;
        });

        Assert.Equal(42, result);
        AssertDrawn("steps", console, drawn());
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void MonteCarlo_OnATerminal_TellsTheSpeedThereAndNotInTheOutput()
    {
        using var output = new StringWriter();
        var (console, drawn) = RecordingTerminal(output);

        Assert.Equal(0, ParleyApp.Run(["montecarlo", "--draws", "300", "--threads", "1"], console));

        Assert.Matches("compromise: 300 draws in [0-9.]+ s on 1 thread, [0-9,]+ draws/s", drawn());
        Assert.Contains("compromise: 300 draws, seed 0", Regex.Replace(output.ToString(), @"\s+", " "), StringComparison.Ordinal);
        Assert.DoesNotContain("draws/s", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_Phases_EachDrawnWithItsOwnUnit()
    {
        var (console, drawn) = RecordingTerminal(TextWriter.Null);

        // Each phase lasts until its bar has been drawn (30 s at most), so a loaded machine cannot skip one; its count
        // stays below the total until then, since a phase complete when first drawn is hidden at once (HideCompleted).
        var clock = Stopwatch.StartNew();
        var result = DrawProgress.RunInPhases(console, "test", phases =>
        {
            foreach (var unit in new[] { "coalition runs", "searches" })
            {
                phases?.Report(new Parley.Application.PhaseCount(unit, 0, 10));
                for (var i = 1; i <= 10 || (!drawn().Contains($"/10 {unit}", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(30)); i++)
                {
                    Thread.Sleep(150);
                    phases?.Report(new Parley.Application.PhaseCount(unit, Math.Min(i, 9), 10));
                }

                phases?.Report(new Parley.Application.PhaseCount(unit, 10, 10));
            }

            return 42;
        });

        Assert.Equal(42, result);
        AssertDrawn("/10 coalition runs", console, drawn());
        AssertDrawn("/10 searches", console, drawn());
    }

    /// <summary>
    /// That <paramref name="drawn"/> shows <paramref name="expected"/>; if not, the message says how the terminal was
    /// set up and ends with what was drawn last, escapes made visible (a CI log shows only the start of the text).
    /// </summary>
    private static void AssertDrawn(string expected, CliConsole console, string drawn)
    {
        var profile = console.Progress!.Profile;
        var tail = drawn[Math.Max(0, drawn.Length - 400)..].Replace("\u001b", "ESC", StringComparison.Ordinal);
        Assert.True(
            drawn.Contains(expected, StringComparison.Ordinal),
            $"'{expected}' not drawn on a {profile.Width}x{profile.Height} terminal (unicode {profile.Capabilities.Unicode}); it drew {drawn.Length} characters, ending: {tail}");
    }

    [Theory]
    [InlineData(0, 24)]
    [InlineData(2, 24)]
    [InlineData(3, 3)]
    [InlineData(50, 50)]
    public void ProgressHeight_UnknownOrTooSmall_Spectre24(int reported, int expected) =>
        Assert.Equal(expected, CliConsole.ProgressHeightFor(reported));

    /// <summary>
    /// A console whose progress goes to a recorded, fixed and wide terminal, made as the command makes its own
    /// (<see cref="CliConsole.ProgressTerminal"/>), with what it drew so far. It is 200 columns wide, so the bar's
    /// layout does not depend on the width Spectre guesses for a writer that is no console. Its height is the
    /// test process's: a CI runner with no terminal reports 1 or 2 rows (0 on <c>TERM=dumb</c>), in which the bar
    /// was drawn as a lone ellipsis for 30 s until the height floor came in (two such CI failures).
    /// The bar is drawn on the test's thread and read on the worker's, so the record is synchronised.
    /// </summary>
    private static (CliConsole Console, Func<string> Drawn) RecordingTerminal(TextWriter output)
    {
        var progress = new StringWriter();
        var drawn = TextWriter.Synchronized(progress);
        var terminal = CliConsole.ProgressTerminal(drawn, AnsiSupport.Yes);
        terminal.Profile.Width = 200;
        var console = new CliConsole(output, TextWriter.Null, redirected: true, width: 80) { Progress = terminal };
        return (console, () =>
        {
            lock (drawn)
            {
                return progress.ToString();
            }
        });
    }

    [Fact]
    public void Progress_ShortRun_NothingDrawn()
    {
        using var progress = new StringWriter();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, redirected: true, width: 80)
        {
            Progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(progress), Interactive = InteractionSupport.Yes, Ansi = AnsiSupport.No }),
        };
        Assert.Equal(1, DrawProgress.Run(console, 1, "test", "steps", _ => 1));
        Assert.Empty(progress.ToString());
    }

    [Fact]
    public void Progress_RedirectedProcess_NeverWritten()
    {
        // A run of a few seconds in a real process whose standard error is a pipe: no bar, no escape codes.
        var (exit, output, error) = Process(null, "montecarlo", "--draws", "1500000", "--threads", "1");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);
        Assert.DoesNotContain("draws/s,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlC_MonteCarlo_PrintsThePartialSummaryAndExits130()
    {
        var (exit, output, error) = Process(InterruptAfter, "montecarlo", "--draws", "500000000", "--threads", "1");
        Assert.Equal(130, exit);
        Assert.Contains("PARTIAL: cancelled", output, StringComparison.Ordinal);
        Assert.Contains("Ceasefire timing", output, StringComparison.Ordinal);
        Assert.Matches(@"parley: cancelled; the result is partial \([0-9,]+ of 500,000,000 draws\)", error);
    }

    [Fact]
    public void CtrlC_Forecast_ShowsTheModelsThatFinished()
    {
        var path = Path.Combine(folder, "big.csv");
        File.WriteAllText(path, WideKtab(issues: 20, actors: 150));
        var (exit, output, error) = Process(InterruptAfter, "forecast", path, "--model", "compromise,exchange", "--rounds", "400");
        Assert.Equal(130, exit);
        Assert.Contains("parley: cancelled; 1 of 2 models finished (compromise)", error, StringComparison.Ordinal);
        Assert.Contains("| compromise", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| exchange", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CtrlC_Report_WritesNothingAndLeavesNoTemporaryFile()
    {
        var target = Path.Combine(folder, "out");
        Directory.CreateDirectory(target);
        var (exit, _, error) = Process(InterruptAfter, "report", "-o", Path.Combine(target, "r.html"), "--model", "compromise", "--draws", "100000000", "--threads", "1");
        Assert.Equal(130, exit);
        Assert.Contains("cancelled", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(target));
    }

    /// <summary>Runs parley at <paramref name="width"/> columns; checks the exit code, that no line is wider and that no word was cut with "…".</summary>
    private static string Fits(int width, params string[] args)
    {
        var (exit, output, error) = Run(width, args);
        Assert.True(exit == 0, error);
        var tooLong = output.Split('\n').Where(l => l.TrimEnd('\r').Length > width).ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) longer than {width}:\n{string.Join('\n', tooLong)}");
        Assert.DoesNotContain("…", output, StringComparison.Ordinal);
        return output;
    }

    /// <summary>Every word of every phrase appears whole in <paramref name="output"/> (a cut word leaves a fragment instead).</summary>
    private static void Whole(string output, IEnumerable<string> phrases)
    {
        foreach (var word in phrases.SelectMany(p => p.Split(' ')))
        {
            Assert.True(Regex.IsMatch(output, $@"(?<![\w-]){Regex.Escape(word)}(?![\w-])"), $"'{word}' is not whole in:\n{output}");
        }
    }

    private static (int ExitCode, string Output, string Error) Run(int width, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ParleyApp.Run(args, new CliConsole(output, error, redirected: true, width: width));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// When the Ctrl-C tests interrupt the run: once the process has used this much processor time. Start-up and
    /// the compromise model of the Ctrl-C forecast take 0.4 s of it; the runs themselves take minutes. Counted in
    /// processor time, not wall time, so that a loaded machine, which slows the start as much as the run, delays
    /// the interrupt with it instead of letting it land before the run began.
    /// </summary>
    private static readonly TimeSpan InterruptAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs parley as a process with redirected output; with <paramref name="interruptAfter"/>, sends it SIGINT
    /// (Ctrl-C) once it has used that much processor time.
    /// </summary>
    private static (int ExitCode, string Output, string Error) Process(TimeSpan? interruptAfter, params string[] args)
    {
        var start = CliRunner.ProcessStart(args);
        if (interruptAfter is not null)
        {
            // A child inherits an ignored SIGINT (as a shell's background job has it): it would never see the Ctrl-C.
            Assert.False(SigIntIgnored(), "SIGINT is ignored in this test process (started as a background job?), so parley could not be interrupted; run the tests in the foreground");
        }

        return CliRunner.RunProcess(start, interruptAfter is not { } used ? null : child =>
        {
            var waited = Stopwatch.StartNew();
            while (!child.WaitForExit(TimeSpan.FromMilliseconds(50)) && ProcessorTime(child) < used)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), $"the run used {ProcessorTime(child).TotalSeconds:0.0} s of processor time in 2 minutes");
            }

            Assert.False(child.HasExited, "the run ended before it could be interrupted");
            Assert.Equal(0, Kill(child.Id, SigInt));
        });
    }

    /// <summary>Whether SIGINT is ignored in this process (the SigIgn mask of /proc/self/status; Linux only).</summary>
    private static bool SigIntIgnored()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return false;
        }

        var mask = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return mask is not null && (ulong.Parse(mask["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (SigInt - 1))) != 0;
    }

    /// <summary>The processor time <paramref name="process"/> has used so far (all of it once it has ended).</summary>
    private static TimeSpan ProcessorTime(System.Diagnostics.Process process)
    {
        try
        {
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.MaxValue; // it ended between the two looks
        }
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"(?<![\w.])[0-9]+\.[0-9]+(?![\w.])")]
    private static partial Regex NumberPattern();

    /// <summary>A KTAB SMP file with <paramref name="issues"/> issues named "Topic N" and <paramref name="actors"/> actors, from a fixed seed.</summary>
    private static string WideKtab(int issues, int actors)
    {
        var random = new Random(7);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Wide,Generated,{actors},{issues},0").Append(',', (2 * issues) - 2).Append('\n');
        text.Append("Actor,Description,Influence");
        for (var d = 0; d < issues; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $",Topic {d} Position,Topic {d} Salience");
        }

        text.Append('\n');
        for (var a = 0; a < actors; a++)
        {
            text.Append(CultureInfo.InvariantCulture, $"A{a:000},Actor {a},{random.Next(10, 100)}");
            for (var d = 0; d < issues; d++)
            {
                text.Append(CultureInfo.InvariantCulture, $",{random.Next(0, 101)},{random.Next(1, 100 / issues + 1)}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private const string UnitScale = """
        id: unit
        title: A negotiation on a 0-1 scale
        actors:
          - { id: a, name: Alpha, capability: 60 }
          - { id: b, name: Beta, capability: 30 }
          - { id: c, name: Gamma, capability: 10 }
        issues:
          - id: share
            name: Share of the budget
            min: 0
            max: 1
            status_quo: 0.2
        stances:
          - { actor: a, issue: share, position: 0.31, salience: 0.8 }
          - { actor: b, issue: share, position: 0.62, salience: 0.5 }
          - { actor: c, issue: share, position: 0.45, salience: 0.9 }

        """;
}

using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Reports.Charts;

namespace Parley.Cli;

/// <summary>
/// The outputs of a report, shared by <c>parley report</c> and <c>parley backtest --report</c>:
/// the HTML file, the chart images (<c>--png DIR</c>, <c>--svg DIR</c>), <c>--force</c> to replace
/// existing files and <c>--stamp</c> to date the report. What can be checked is checked before any work is
/// done, so bad options cost nothing; the image files, named after the charts, are checked with the report once
/// it is drawn, and a refused run writes none of them.
/// </summary>
internal sealed class ReportOutputs(Option<string?> html)
{
    private const string ExistsAdvice = "add --force to replace it, or choose a new name";

    public Option<string?> Html { get; } = html;

    public Option<string?> Png { get; } = new("--png") { Description = "Also write every chart as a PNG image into this folder (created if missing)." };

    public Option<string?> Svg { get; } = new("--svg") { Description = "Also write every chart as an SVG image into this folder (created if missing)." };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace existing output files (the report and images); without it Parley never overwrites a file." };

    public Option<bool> Stamp { get; } = new("--stamp") { Description = "Write the time of writing into the report; without it the same inputs give a byte-identical file." };

    public void AddTo(Command command, bool withHtml)
    {
        if (withHtml)
        {
            command.Options.Add(Html);
        }

        command.Options.Add(Png);
        command.Options.Add(Svg);
        command.Options.Add(Force);
        command.Options.Add(Stamp);
    }

    /// <summary>The time stamp for the footer when <c>--stamp</c> is given.</summary>
    public string? StampText(ParseResult parse) =>
        parse.GetValue(Stamp) ? DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : null;

    /// <summary>Checks that every output can be written: prints what is wrong and returns false otherwise.</summary>
    public bool Check(ParseResult parse, CliConsole console)
    {
        var force = parse.GetValue(Force);
        var ok = true;
        if (parse.GetValue(Html) is { } html)
        {
            ok &= CheckFile(html, Html.Name, force, console);
        }

        foreach (var option in new[] { Png, Svg })
        {
            if (parse.GetValue(option) is { } empty && string.IsNullOrWhiteSpace(empty))
            {
                console.Error.WriteLine($"parley: {option.Name}: the folder name is empty; give a folder for the images");
                ok = false;
            }
            else if (parse.GetValue(option) is { } folder && FileInTheWay(folder) is { } file)
            {
                console.Error.WriteLine(file == Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))
                    ? $"parley: {option.Name} {folder}: this is a file; give a folder for the images"
                    : $"parley: {option.Name} {folder}: {file} is a file, so the folder cannot be made; give a folder for the images");
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>
    /// Writes the report and the images (<paramref name="charts"/> is called only for images), saying so on
    /// <paramref name="notices"/>; false after printing why they could not be written, and then none is written.
    /// </summary>
    public bool Write(ParseResult parse, CliConsole console, TextWriter notices, string html, Func<IReadOnlyList<ChartSpec>> charts)
    {
        var outputs = new OutputSet();
        return WriteAll(outputs, Add(parse, outputs, html, charts), console, notices);
    }

    /// <summary>
    /// Adds the report and the images asked for to <paramref name="outputs"/>, so that a command writing other
    /// files as well checks them all before it writes any; returns what to say once they are written.
    /// </summary>
    public IReadOnlyList<string> Add(ParseResult parse, OutputSet outputs, string html, Func<IReadOnlyList<ChartSpec>> charts)
    {
        var notes = new List<string>();
        var force = parse.GetValue(Force);
        if (parse.GetValue(Html) is { } path)
        {
            outputs.Add(Html.Name, path, html, force, ExistsAdvice);
            notes.Add($"wrote {path}");
        }

        IReadOnlyList<ChartSpec>? drawn = null;
        foreach (var (option, extension, draw) in new (Option<string?>, string, Func<ChartSpec, byte[]>)[] { (Png, "png", ChartImages.ToPng), (Svg, "svg", ChartImages.ToSvgBytes) })
        {
            if (parse.GetValue(option) is not { } folder)
            {
                continue;
            }

            drawn ??= charts();
            foreach (var chart in drawn)
            {
                outputs.Add(option.Name, Path.Combine(folder, ChartImages.FileName(chart, extension)), draw(chart), force, ExistsAdvice, createFolder: true);
            }

            notes.Add($"wrote {drawn.Count} {extension.ToUpperInvariant()} charts to {folder}");
        }

        return notes;
    }

    /// <summary>Writes <paramref name="outputs"/> and prints <paramref name="notes"/> on <paramref name="notices"/>; false after printing every problem, when nothing was written.</summary>
    public static bool WriteAll(OutputSet outputs, IEnumerable<string> notes, CliConsole console, TextWriter notices)
    {
        var problems = outputs.Write();
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"parley: {problem}");
        }

        if (problems.Count > 0)
        {
            return false;
        }

        foreach (var note in notes)
        {
            notices.WriteLine(note);
        }

        return true;
    }

    /// <summary>The file that stands where <paramref name="folder"/> or one of its missing parents would be made, or <c>null</c>.</summary>
    private static string? FileInTheWay(string folder)
    {
        string full;
        try
        {
            full = Path.GetFullPath(folder);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null; // Not a usable name: the images' own check says so.
        }

        for (var above = full; above is not null && !Directory.Exists(above); above = Path.GetDirectoryName(above))
        {
            if (File.Exists(above))
            {
                return above;
            }
        }

        return null;
    }

    private static bool CheckFile(string path, string option, bool force, CliConsole console)
    {
        if (OutputFile.Check(path, force, ExistsAdvice) is { } problem)
        {
            console.Error.WriteLine($"parley: {option}: {problem}");
            return false;
        }

        return true;
    }
}

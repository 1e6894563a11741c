using System.CommandLine;
using System.Globalization;
using Parley.Application;
using Parley.Reports.Charts;

namespace Parley.Cli;

/// <summary>
/// The outputs of a report, shared by <c>parley report</c> and <c>parley backtest --report</c>:
/// the HTML file, the chart images (<c>--png DIR</c>, <c>--svg DIR</c>), <c>--force</c> to replace
/// existing files and <c>--stamp</c> to date the report. Checked before any work is done, so bad
/// options cost nothing and leave no file behind.
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
            if (parse.GetValue(option) is { } folder && File.Exists(folder))
            {
                console.Error.WriteLine($"parley: {option.Name} {folder}: this is a file; give a folder for the images");
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>Writes the report and the images (<paramref name="charts"/> is called only for images), saying so on <paramref name="notices"/>; false after printing why one could not be written.</summary>
    public bool Write(ParseResult parse, CliConsole console, TextWriter notices, string html, Func<IReadOnlyList<ChartSpec>> charts)
    {
        if (parse.GetValue(Html) is { } path)
        {
            if (OutputFile.Write(path, html, parse.GetValue(Force), ExistsAdvice) is { } problem)
            {
                console.Error.WriteLine($"parley: {Html.Name}: {problem}");
                return false;
            }

            notices.WriteLine($"wrote {path}");
        }

        return WriteImages(parse, console, notices, Png, "png", charts, ChartImages.ToPng)
            && WriteImages(parse, console, notices, Svg, "svg", charts, ChartImages.ToSvgBytes);
    }

    private bool WriteImages(ParseResult parse, CliConsole console, TextWriter notices, Option<string?> option, string extension, Func<IReadOnlyList<ChartSpec>> charts, Func<ChartSpec, byte[]> draw)
    {
        if (parse.GetValue(option) is not { } folder)
        {
            return true;
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"parley: {option.Name} {folder}: cannot create the folder: {error.Message}");
            return false;
        }

        var force = parse.GetValue(Force);
        var written = 0;
        foreach (var chart in charts())
        {
            var target = Path.Combine(folder, ChartImages.FileName(chart, extension));
            if (OutputFile.Write(target, draw(chart), force, ExistsAdvice) is { } problem)
            {
                console.Error.WriteLine($"parley: {option.Name}: {problem}");
                return false;
            }

            written++;
        }

        notices.WriteLine($"wrote {written} {extension.ToUpperInvariant()} charts to {folder}");
        return true;
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

using System.Globalization;
using MiniExcelLibs;
using Parley.Core.Domain;
using Parley.Formats.Native;

namespace Parley.Formats.Tests.Sheets;

/// <summary>Workbooks and scenarios for the spreadsheet tests.</summary>
internal static class SheetFiles
{
    /// <summary>The repository's Alaska scenario, read from scenarios/.</summary>
    public static Scenario Alaska() => ScenarioFiles.Read(Path.Combine(RepositoryRoot(), "scenarios", "alaska-2025.yaml")).Scenario!;

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "scenarios", "alaska-2025.yaml")))
        {
            dir = dir.Parent;
        }

        return dir.FullName;
    }

    /// <summary>A workbook whose sheets hold exactly <paramref name="sheets"/>' rows (row 1 first), written by MiniExcel as a spreadsheet program would.</summary>
    public static byte[] Workbook(params (string Name, object?[][] Rows)[] sheets)
    {
        var data = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets)
        {
            var width = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
            data[name] = rows.Select(row => (IDictionary<string, object?>)Enumerable.Range(0, width)
                .ToDictionary(c => Diagnostic.CellName(1, c + 1)[..^1], c => c < row.Length ? row[c] : null)).ToList();
        }

        using var stream = new MemoryStream();
        stream.SaveAs(data, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>The small valid matrix the broken-file tests start from: two actors, one issue.</summary>
    public static (string, object?[][])[] SmallSheets() =>
    [
        ("Actors", [["id", "name", "capability"], ["usa", "United States", 90.0], ["rus", "Russia", 80.0]]),
        ("Issues", [["id", "name", "min", "max", "status_quo"], ["sanctions", "Sanctions", 0.0, 100.0, 50.0]]),
        ("Stances", [["actor", "issue", "position", "salience"], ["usa", "sanctions", 55.0, 0.6], ["rus", "sanctions", 0.0, 0.9]]),
    ];

    public static string Yaml(Scenario scenario) => NativeScenarioWriter.ToYaml(scenario);

    public static string Show(ReadResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

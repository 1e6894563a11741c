using Parley.Formats;
using Parley.Formats.Native;

namespace Parley.Fuzz;

/// <summary>
/// The seed corpus: the project's own input files (<c>scenarios/</c>, the sample files and the
/// regression inputs under <c>tests/</c>), each filed under every target whose reader recognises
/// it; the native scenarios are also written as JSON for the JSON target. Nothing comes from
/// <c>../shared</c>.
/// </summary>
internal static class SeedCorpus
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".csv", ".xml", ".tsv", ".txt"];

    public static int Write(string root, string output)
    {
        var files = new[] { "scenarios", "tests" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)
                || file.Contains("FuzzRegressions", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var written = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var name = Path.GetFileName(file);
            var regression = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar) is [.., "FuzzRegressions", var saved, _] ? saved : null;
            foreach (var target in TargetsFor(bytes, file, regression))
            {
                written += Save(output, target, name, bytes);
            }

            if (regression is null && InputText.Decode(bytes, file).Text is { } text
                && NativeScenarioReader.Yaml.Recognizes(text, file) && NativeScenarioReader.Yaml.Read(text, file).Scenario is { } scenario)
            {
                written += Save(output, "json", Path.ChangeExtension(name, ".json"), System.Text.Encoding.UTF8.GetBytes(NativeScenarioWriter.ToJson(scenario)));
                written += Save(output, "xlsx", Path.ChangeExtension(name, ".xlsx"), Parley.Formats.Sheets.SpreadsheetFiles.ToXlsx(scenario));
                written += Save(output, "matrix-csv", Path.ChangeExtension(name, ".csv"), System.Text.Encoding.UTF8.GetBytes(Parley.Formats.Sheets.SpreadsheetFiles.ToCsv(scenario)));
            }
        }

        Console.WriteLine($"wrote {written} seed files under {output}");
        return written > 0 ? 0 : 1;
    }

    private static IEnumerable<string> TargetsFor(byte[] bytes, string file, string? regression)
    {
        if (regression is not null)
        {
            yield return regression;
            yield break;
        }

        if (InputText.Decode(bytes, file).Text is not { } text)
        {
            yield break;
        }

        foreach (var reader in ScenarioFiles.Readers.Where(r => r.Recognizes(text, file)))
        {
            yield return reader.Format switch
            {
                ScenarioFormat.Yaml => "yaml",
                ScenarioFormat.Json => "json",
                ScenarioFormat.KtabCsv => "ktab-csv",
                ScenarioFormat.KtabXml => "ktab-xml",
                ScenarioFormat.Decide => "decide",
                ScenarioFormat.BdmCsv => "bdm",
                ScenarioFormat.MatrixCsv => "matrix-csv",
                _ => "deu",
            };
        }

        if (Path.GetFileName(file).Contains("overlay", StringComparison.OrdinalIgnoreCase))
        {
            yield return "overlay";
        }

        yield return "detect";
    }

    private static int Save(string output, string target, string name, byte[] bytes)
    {
        var folder = Path.Combine(output, target);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return 1;
    }
}

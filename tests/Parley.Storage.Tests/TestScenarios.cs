using Parley.Core.Domain;
using Parley.Formats;

namespace Parley.Storage.Tests;

/// <summary>The repository's Alaska scenario, read as the CLI reads it.</summary>
internal static class TestScenarios
{
    public static string AlaskaPath { get; } = FindAlaska();

    public static string AlaskaText => File.ReadAllText(AlaskaPath);

    public static Scenario Alaska() => Read(AlaskaText, "alaska-2025.yaml");

    public static Scenario Read(string text, string fileName)
    {
        var result = ScenarioFiles.ReadText(text, fileName);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Scenario!;
    }

    public static ScenarioSnapshot Snapshot(string text, string fileName = "alaska-2025.yaml") =>
        new(Read(text, fileName), text, fileName, fileName.EndsWith(".json", StringComparison.Ordinal) ? "json" : "yaml");

    private static string FindAlaska()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "alaska-2025.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("scenarios/alaska-2025.yaml not found above the test's folder");
    }
}

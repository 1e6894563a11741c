using Parley.Core.Domain;
using Parley.Formats;

namespace Parley.Application;

/// <summary>The scenarios shipped inside Parley, so they work from any directory.</summary>
public static class BuiltInScenarios
{
    /// <summary>The name shown in messages for the default scenario.</summary>
    public const string AlaskaName = "alaska-2025.yaml (built in)";

    /// <summary>The file name the built-in scenario is kept under in a store (its file in the repository's <c>scenarios/</c>).</summary>
    public const string AlaskaFileName = "alaska-2025.yaml";

    private const string AlaskaResource = "Parley.Application.Scenarios.alaska-2025.yaml";

    /// <summary>The text of the built-in Alaska summit scenario.</summary>
    public static string AlaskaText()
    {
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(AlaskaResource)
            ?? throw new InvalidOperationException($"The built-in scenario {AlaskaResource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The built-in Alaska summit scenario, read and validated like any file.</summary>
    public static Scenario Alaska()
    {
        var result = ScenarioFiles.ReadText(AlaskaText(), AlaskaName);
        return result.Scenario ?? throw new InvalidOperationException(
            "The built-in scenario is invalid: " + string.Join("; ", result.Diagnostics));
    }
}

using Parley.Core.Domain;

namespace Parley.Cli;

/// <summary>The built-in scenarios, as the CLI names them (they live in <see cref="Application.BuiltInScenarios"/>).</summary>
internal static class BuiltInScenarios
{
    /// <inheritdoc cref="Application.BuiltInScenarios.AlaskaText"/>
    public static string AlaskaText() => Application.BuiltInScenarios.AlaskaText();

    /// <inheritdoc cref="Application.BuiltInScenarios.Alaska"/>
    public static Scenario Alaska() => Application.BuiltInScenarios.Alaska();
}

using System.Globalization;
using System.Text.Json;

namespace Parley.Server;

/// <summary>
/// Model parameters by name (<c>{"utility": "quadratic", "rex-p": 0.2}</c>), as <c>--param NAME=VALUE</c>
/// on the command line; numbers, strings and booleans are accepted. Its schema in the OpenAPI
/// document lists every model's parameters from their option descriptions.
/// </summary>
public sealed class ModelParameterValues : Dictionary<string, JsonElement>
{
    /// <summary>Creates an empty set.</summary>
    public ModelParameterValues()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>A value as the text the models' option checks read, or <c>null</c> for an object, an array or null.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>A number as the models' option checks read it.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

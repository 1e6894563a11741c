namespace Parley.Application;

/// <summary>
/// One model parameter as the user gave it: <c>--param NAME=VALUE</c> (<paramref name="Flag"/> <c>null</c>),
/// or a dedicated flag such as <c>--variant</c>, <c>--forecast</c> or <c>--rex-p</c>, named in messages.
/// </summary>
/// <param name="Name">The parameter's name, as in the model's option descriptions.</param>
/// <param name="Value">The value as text (invariant culture).</param>
/// <param name="Flag">The dedicated flag that set it, or <c>null</c> for <c>--param</c>.</param>
public sealed record ParameterSetting(string Name, string Value, string? Flag = null)
{
    /// <summary>Parses <c>NAME=VALUE</c>; <c>null</c> setting and a message when it is not that shape.</summary>
    public static (ParameterSetting? Setting, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0
            ? (null, $"--param '{text}' must look like NAME=VALUE")
            : (new ParameterSetting(text[..equals].Trim(), text[(equals + 1)..].Trim()), null);
    }
}

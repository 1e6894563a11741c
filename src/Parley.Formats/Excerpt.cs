using System.Globalization;

namespace Parley.Formats;

/// <summary>
/// Values quoted in diagnostics, cut to a short prefix: a message names the value it is about,
/// but one megabyte-long field must not produce megabytes of error output.
/// </summary>
public static class Excerpt
{
    /// <summary>The most characters of a value a message quotes by default.</summary>
    public const int MaxLength = 60;

    /// <summary>The most characters of a parser's own message shown (it may quote the input).</summary>
    public const int MaxMessageLength = 240;

    /// <summary>
    /// <paramref name="value"/> itself when it is at most <see cref="MaxLength"/> characters,
    /// else its first <see cref="MaxLength"/> characters, an ellipsis and its full length:
    /// <c>abcd… (1,048,576 characters)</c>. Line breaks and other control characters are shown
    /// as escapes so that one diagnostic stays on one line.
    /// </summary>
    /// <param name="value">The value to quote.</param>
    /// <param name="maxLength">The most characters shown; parsers' own messages, which may quote the input, get more room.</param>
    public static string Of(string? value, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var shown = value.Length <= maxLength ? value : value[..maxLength];
        if (shown.Length < value.Length && char.IsHighSurrogate(shown[^1]))
        {
            shown = shown[..^1];
        }

        shown = Escape(shown);
        return value.Length <= maxLength
            ? shown
            : string.Create(CultureInfo.InvariantCulture, $"{shown}… ({value.Length:N0} characters)");
    }

    private static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            builder.Append(character switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)character:x4}"),
                _ => character.ToString(),
            });
        }

        return builder.ToString();
    }
}

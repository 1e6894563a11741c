using System.Globalization;

namespace Parley.Formats;

/// <summary>
/// One problem found in an input file, located by line and column (both from 1) and worded to
/// tell the user what is wrong and what is allowed.
/// </summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">Line number, from 1.</param>
/// <param name="Column">Column number, from 1.</param>
/// <param name="Message">
/// What is wrong and what is allowed. Values a message quotes are excerpts (<see cref="Excerpt"/>); as the last
/// guard, a message longer than <see cref="MaxMessageLength"/> characters is cut there, so no input can make
/// one diagnostic long (found by fuzzing: a 32,000-digit number quoted whole).
/// </param>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>The most characters a diagnostic's message keeps.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>What is wrong and what is allowed, at most <see cref="MaxMessageLength"/> characters.</summary>
    public string Message { get; init; } = Clip(Message);

    private static string Clip(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxMessageLength)
        {
            return message;
        }

        var kept = message[..MaxMessageLength];
        if (char.IsHighSurrogate(kept[^1]))
        {
            kept = kept[..^1];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{kept}… (message cut from {message.Length:N0} characters)");
    }

    /// <summary>The diagnostic as <c>file:line:column: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

using System.Globalization;

namespace Parley.Formats;

/// <summary>
/// One problem found in an input file, located by line and column (both from 1) and worded to
/// tell the user what is wrong and what is allowed.
/// </summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">Line number, from 1.</param>
/// <param name="Column">Column number, from 1.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>The diagnostic as <c>file:line:column: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Message}");
}

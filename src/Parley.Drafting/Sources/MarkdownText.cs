using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Drafting.Sources;

/// <summary>
/// Plain text of a Markdown document: heading marks, emphasis, inline code marks, images and link
/// targets are removed and their words kept, so sentences read as prose and quotes carry no markup.
/// </summary>
internal static partial class MarkdownText
{
    /// <summary>The text, the first heading as title (if any), and no date (the caller looks for one in the text).</summary>
    public static (string Text, string? Title, string? Date) Extract(string markdown)
    {
        var text = new StringBuilder();
        string? title = null;
        var inFence = false;
        foreach (var rawLine in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = rawLine;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var heading = Heading().Match(line);
            if (heading.Success)
            {
                line = heading.Groups[1].Value;
                title ??= Inline(line).Trim();
            }

            line = ListMark().Replace(line, string.Empty);
            line = Inline(line);
            text.Append(line).Append('\n');
        }

        return (SourceReader.Normalize(text.ToString()), title, null);
    }

    private static string Inline(string line)
    {
        line = Image().Replace(line, "$1");
        line = Link().Replace(line, "$1");
        line = Emphasis().Replace(line, "$2");
        return line.Replace("`", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)]|>)\s+")]
    private static partial Regex ListMark();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats;

/// <summary>
/// Loads YAML (and JSON, read as YAML flow style) into YamlDotNet's node tree with a nesting
/// limit: YamlDotNet builds the tree recursively, so a file of 50,000 nested brackets would
/// overflow the stack and kill the process. The limit is enforced on the parser's event stream,
/// before the tree is built, and reported at the bracket or key that goes too deep.
/// </summary>
internal static class YamlText
{
    /// <summary>The deepest nesting of lists and mappings accepted: 64 levels (a scenario needs 6).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The stream's documents, or the one problem that stops reading, worded for
    /// <paramref name="kind"/> (<c>YAML</c> or <c>JSON</c>) and located in <paramref name="fileName"/>.
    /// </summary>
    public static (YamlStream? Stream, Diagnostic? Problem) Load(string text, string fileName, string kind)
    {
        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
            return (stream, null);
        }
        catch (YamlException error)
        {
            var message = error is TooDeepException tooDeep ? tooDeep.Reason : $"not valid {kind}: {Clean(error.InnerException?.Message ?? error.Message)}";
            return (null, At(fileName, error.Start, message));
        }
        catch (Exception error) when (error is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner, parser and node loader throw these, without a position, on some
            // malformed input (found by fuzzing: the three bytes "!![", docs/reliability.md): the
            // problem lies just after the last event the parser delivered.
            return (null, At(fileName, parser.LastEnd, $"not valid {kind}: the text after this point cannot be parsed; check the brackets, quotes and indentation here"));
        }
    }

    private static Diagnostic At(string fileName, Mark mark, string message) =>
        new(fileName, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue), message);

    /// <summary>YamlDotNet prefixes positions like "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic already locates the problem.</summary>
    private static string Clean(string message)
    {
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        return Excerpt.Of(colon >= 0 ? message[(colon + 3)..] : message, Excerpt.MaxMessageLength);
    }

    private sealed class TooDeepException(Mark start, Mark end, string reason) : YamlException(start, end, reason)
    {
        public string Reason { get; } = reason;
    }

    /// <summary>Passes the parser's events on, counting open lists and mappings.</summary>
    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the last event delivered ends: the start of the file before any.</summary>
        public Mark LastEnd { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            LastEnd = inner.Current!.End;

            switch (inner.Current)
            {
                case SequenceStart or MappingStart:
                    if (++depth > MaxDepth)
                    {
                        var at = inner.Current.Start;
                        throw new TooDeepException(at, inner.Current.End, string.Create(CultureInfo.InvariantCulture,
                            $"lists and mappings are nested more than {MaxDepth} levels deep here; the limit is {MaxDepth} levels (a scenario needs about 6)"));
                    }

                    break;
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }

            return true;
        }
    }
}

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
        try
        {
            stream.Load(new DepthLimitedParser(new Parser(new StringReader(text))));
            return (stream, null);
        }
        catch (YamlException error)
        {
            var message = error is TooDeepException tooDeep ? tooDeep.Reason : $"not valid {kind}: {Clean(error.InnerException?.Message ?? error.Message)}";
            return (null, new Diagnostic(fileName, (int)Math.Clamp(error.Start.Line, 1, int.MaxValue), (int)Math.Clamp(error.Start.Column, 1, int.MaxValue), message));
        }
    }

    /// <summary>YamlDotNet prefixes positions like "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic already locates the problem.</summary>
    private static string Clean(string message)
    {
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        return Excerpt.Of(colon >= 0 ? message[(colon + 3)..] : message);
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

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

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

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats;

/// <summary>
/// Loads YAML (and JSON, read as YAML flow style) into YamlDotNet's node tree with a nesting
/// limit: YamlDotNet builds the tree recursively, so a file of 50,000 nested brackets would
/// overflow the stack and kill the process. The limit is enforced on the parser's event stream,
/// before the tree is built, and reported at the bracket or key that goes too deep; so are the
/// key and alias rules of <see cref="DepthLimitedParser"/>.
/// </summary>
public static class YamlText
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
        var parser = new DepthLimitedParser(new Parser(new StringReader(WithFinalLineBreak(text))));
        try
        {
            stream.Load(parser);
            return (stream, null);
        }
        catch (YamlException error)
        {
            var message = error is RefusedException refused ? refused.Reason : $"not valid {kind}: {Clean(error.InnerException?.Message ?? error.Message)}";
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

    /// <summary>
    /// The text with a line break at its end if it has none. YamlDotNet 16.3's scanner stalls for
    /// 20-30 s on a directive with a parameter that ends the file without a line break when the
    /// file's length is a power of two (1,024, 2,048, ... characters; found by fuzzing,
    /// docs/reliability.md). A final line break changes no value a scenario can hold: only a
    /// block scalar kept with <c>|+</c> as the very last line would gain it.
    /// </summary>
    private static string WithFinalLineBreak(string text) =>
        text.Length == 0 || text[^1] is '\n' or '\r' ? text : text + "\n";

    private static Diagnostic At(string fileName, Mark mark, string message) =>
        new(fileName, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue), message);

    /// <summary>YamlDotNet prefixes positions like "(Line: 3, Col: 5, Idx: 20) - (...): "; the diagnostic already locates the problem.</summary>
    private static string Clean(string message)
    {
        var colon = message.LastIndexOf("): ", StringComparison.Ordinal);
        return Excerpt.Of(colon >= 0 ? message[(colon + 3)..] : message, Excerpt.MaxMessageLength);
    }

    private sealed class RefusedException(Mark start, Mark end, string reason) : YamlException(start, end, reason)
    {
        public string Reason { get; } = reason;
    }

    /// <summary>
    /// Passes the parser's events on, refusing what YamlDotNet's node tree cannot take safely:
    /// nesting deeper than <see cref="MaxDepth"/>, a list or mapping as a mapping key, and an alias
    /// to an anchor not yet complete (defined later, or a list or mapping containing the alias).
    /// YamlDotNet compares keys recursively and resolves forward aliases with placeholders, so a
    /// self-referring key overflowed the stack (found by fuzzing, docs/reliability.md).
    /// </summary>
    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private readonly Stack<Frame> frames = new();
        private readonly HashSet<string> complete = new(StringComparer.Ordinal);

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where the last event delivered ends: the start of the file before any.</summary>
        public Mark LastEnd { get; private set; } = Mark.Empty;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            var current = inner.Current!;
            LastEnd = current.End;
            if (current is NodeEvent or AnchorAlias && frames.TryPeek(out var parent) && parent.IsMapping)
            {
                if (parent.ExpectsKey && current is not Scalar)
                {
                    Refuse(current, "a mapping key here is a list, a mapping or an alias; keys are plain text such as 'id' or 'actors'");
                }

                parent.ExpectsKey = !parent.ExpectsKey;
            }

            switch (current)
            {
                case DocumentStart:
                    complete.Clear();
                    break;
                case AnchorAlias alias when !complete.Contains(alias.Value.Value):
                    Refuse(current, $"the alias *{Excerpt.Of(alias.Value.Value)} names no anchor defined before it (or the list or mapping that contains it); define &{Excerpt.Of(alias.Value.Value)} first, outside");
                    break;
                case Scalar { Anchor.IsEmpty: false } scalar:
                    complete.Add(scalar.Anchor.Value);
                    break;
                case SequenceStart or MappingStart:
                    if (frames.Count >= MaxDepth)
                    {
                        Refuse(current, string.Create(CultureInfo.InvariantCulture,
                            $"lists and mappings are nested more than {MaxDepth} levels deep here; the limit is {MaxDepth} levels (a scenario needs about 6)"));
                    }

                    var anchor = ((NodeEvent)current).Anchor;
                    frames.Push(new Frame(current is MappingStart, anchor.IsEmpty ? null : anchor.Value));
                    break;
                case SequenceEnd or MappingEnd:
                    if (frames.Pop().Anchor is { } finished)
                    {
                        complete.Add(finished);
                    }

                    break;
            }

            return true;
        }

        private static void Refuse(ParsingEvent at, string reason) => throw new RefusedException(at.Start, at.End, reason);

        private sealed class Frame(bool isMapping, string? anchor)
        {
            public bool IsMapping { get; } = isMapping;

            public string? Anchor { get; } = anchor;

            public bool ExpectsKey { get; set; } = isMapping;
        }
    }
}

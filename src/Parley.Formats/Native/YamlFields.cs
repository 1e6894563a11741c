using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats.Native;

/// <summary>
/// The problems of one native file: those that leave the scenario incomplete (a missing field, a
/// value of the wrong type) and unknown fields, which are reported but leave it whole, so the
/// checks of the scenario's content still run and report their problems in the same pass.
/// </summary>
internal sealed class NativeProblems
{
    public DiagnosticList Structure { get; } = [];

    public DiagnosticList UnknownFields { get; } = [];

    public void Add(Diagnostic diagnostic) => Structure.Add(diagnostic);
}

/// <summary>
/// Reads typed fields from a YAML (or JSON) mapping node, recording a located diagnostic for
/// every field of the wrong type and every key the schema does not allow.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly string fileName;
    private readonly NativeProblems problems;
    private readonly string context;

    private YamlFields(YamlMappingNode node, string context, string fileName, NativeProblems problems)
    {
        this.node = node;
        this.context = context;
        this.fileName = fileName;
        this.problems = problems;
    }

    public SourceLocation Location => At(node);

    /// <summary>Wraps <paramref name="candidate"/> if it is a mapping; otherwise reports it and returns <c>null</c>.</summary>
    public static YamlFields? Of(YamlNode candidate, string context, string fileName, NativeProblems problems)
    {
        if (candidate is YamlMappingNode mapping)
        {
            return new YamlFields(mapping, context, fileName, problems);
        }

        Report(problems, fileName, candidate, $"{context} must be a mapping of fields (key: value)");
        return null;
    }

    public static SourceLocation At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    public static void Report(NativeProblems problems, string fileName, YamlNode node, string message)
    {
        var at = At(node);
        problems.Add(new Diagnostic(fileName, at.Line, at.Column, message));
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>.</summary>
    public void AllowOnly(params string[] allowed)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var at = At(key);
                problems.UnknownFields.Add(new Diagnostic(fileName, at.Line, at.Column, $"{context}: unknown field '{Excerpt.Of(name)}'; allowed fields are {string.Join(", ", allowed)}"));
            }
        }
    }

    public YamlNode? Node(string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Whether <paramref name="key"/> is present with an explicit null (<c>key: null</c>, <c>key: ~</c> or <c>key:</c>).</summary>
    public bool IsExplicitNull(string key) => Node(key) is { } value && IsNull(value);

    public SourceLocation LocationOf(string key)
    {
        foreach (var pair in node.Children)
        {
            if (pair.Key is YamlScalarNode { Value: var name } && name == key)
            {
                return At(pair.Value);
            }
        }

        return Location;
    }

    public string? String(string key, bool required = false)
    {
        var value = Node(key);
        if (value is null || IsNull(value))
        {
            if (required)
            {
                Report(problems, fileName, node, $"{context}: missing required field '{key}'");
            }

            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Report(problems, fileName, value, $"{context}: field '{key}' must be a text value");
        return null;
    }

    public double? Number(string key, bool required = false)
    {
        var value = Node(key);
        if (value is null || IsNull(value))
        {
            if (required)
            {
                Report(problems, fileName, node, $"{context}: missing required field '{key}' (a number)");
            }

            return null;
        }

        if (value is YamlScalarNode scalar && TryParseNumber(scalar.Value, out var number))
        {
            return number;
        }

        Report(problems, fileName, value, $"{context}: field '{key}' must be a number, found '{Describe(value)}'");
        return null;
    }

    public ImmutableArray<string> StringList(string key)
    {
        var value = Node(key);
        if (value is null || IsNull(value))
        {
            return [];
        }

        if (value is YamlSequenceNode sequence)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var item in sequence)
            {
                if (item is YamlScalarNode { Value: { } text })
                {
                    builder.Add(text);
                }
                else
                {
                    Report(problems, fileName, item, $"{context}: every item of '{key}' must be a text value (an id)");
                }
            }

            return builder.ToImmutable();
        }

        Report(problems, fileName, value, $"{context}: field '{key}' must be a list, e.g. [a, b]");
        return [];
    }

    public IEnumerable<(YamlNode Node, int Index)> Items(string key)
    {
        var value = Node(key);
        if (value is null || IsNull(value))
        {
            yield break;
        }

        if (value is not YamlSequenceNode sequence)
        {
            Report(problems, fileName, value, $"{context}: field '{key}' must be a list of entries, each starting with '- '");
            yield break;
        }

        var index = 0;
        foreach (var item in sequence)
        {
            yield return (item, index++);
        }
    }

    public static bool TryParseNumber(string? text, out double value)
    {
        switch (text?.Trim())
        {
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
            case ".inf" or ".Inf" or ".INF" or "+.inf":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    public static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Value: null or "" or "~" or "null", Style: not (YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted) };

    private static string Describe(YamlNode value) => value switch
    {
        YamlScalarNode scalar => Excerpt.Of(scalar.Value),
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => value.NodeType.ToString(),
    };
}

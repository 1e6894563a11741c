using System.Collections.Immutable;
using System.Globalization;
using Parley.Formats;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Parley.Drafting.Issues;

/// <summary>
/// Reads an issues file for <c>parley draft --issues</c>: a YAML list under <c>issues:</c>, each
/// with <c>id</c>, <c>name</c>, optional <c>min</c>/<c>max</c> (default 0 and 100) and
/// <c>status_quo</c>, the required <c>low</c> and <c>high</c> sentences describing each end,
/// optional <c>keywords</c>, and optional <c>anchors</c> (<c>value</c>, <c>label</c>, <c>sentence</c>).
/// Every problem is reported at once, located.
/// </summary>
public static class IssuesFile
{
    private static readonly string[] IssueFields = ["id", "name", "min", "max", "status_quo", "low", "high", "keywords", "anchors"];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static (ImmutableArray<IssueDefinition> Issues, ImmutableArray<Diagnostic> Problems) ReadFile(string path)
    {
        var (text, problem) = InputText.ReadFile(path);
        if (problem is not null)
        {
            return ([], [problem]);
        }

        return Read(text!, path);
    }

    /// <summary>Reads <paramref name="text"/> as if it were the file <paramref name="fileName"/>.</summary>
    public static (ImmutableArray<IssueDefinition> Issues, ImmutableArray<Diagnostic> Problems) Read(string text, string fileName)
    {
        var problems = new List<Diagnostic>();
        void Report(YamlNode node, string message) => problems.Add(new Diagnostic(fileName, (int)node.Start.Line, (int)node.Start.Column, message));

        var (stream, loadProblem) = YamlText.Load(text, fileName, "YAML");
        if (loadProblem is not null)
        {
            return ([], [loadProblem]);
        }

        if (stream!.Documents.Count == 0)
        {
            return ([], [new Diagnostic(fileName, 1, 1, "the issues file is empty; list issues under 'issues:', each with id, name, low and high")]);
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode top || !top.Children.TryGetValue(new YamlScalarNode("issues"), out var list) || list is not YamlSequenceNode items)
        {
            return ([], [new Diagnostic(fileName, (int)root.Start.Line, (int)root.Start.Column, "an issues file is a mapping with an 'issues:' list; each issue has id, name, low and high")]);
        }

        var issues = ImmutableArray.CreateBuilder<IssueDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not YamlMappingNode issue)
            {
                Report(item, "each issue must be a mapping with id, name, low and high");
                continue;
            }

            foreach (var key in issue.Children.Keys.OfType<YamlScalarNode>().Where(k => !IssueFields.Contains(k.Value)))
            {
                Report(key, $"unknown field '{key.Value}'; allowed fields are {string.Join(", ", IssueFields)}");
            }

            string? Text(string field, bool required)
            {
                if (issue.Children.TryGetValue(new YamlScalarNode(field), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value })
                {
                    return value;
                }

                if (required)
                {
                    Report(issue, $"issue: missing required field '{field}'" + (field is "low" or "high" ? $" (a sentence saying what an outcome at the scale's {(field == "low" ? "min" : "max")} means)" : string.Empty));
                }

                return null;
            }

            double? Number(YamlMappingNode owner, string field)
            {
                if (!owner.Children.TryGetValue(new YamlScalarNode(field), out var node))
                {
                    return null;
                }

                if (node is YamlScalarNode { Value: { } raw } && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    return value;
                }

                Report(node, $"field '{field}' must be a finite number");
                return null;
            }

            var id = Text("id", true);
            var name = Text("name", true);
            var low = Text("low", true);
            var high = Text("high", true);
            var min = Number(issue, "min") ?? 0;
            var max = Number(issue, "max") ?? 100;
            var statusQuo = Number(issue, "status_quo");
            if (!(max > min))
            {
                Report(issue, $"issue '{id}': max {max.ToString(CultureInfo.InvariantCulture)} must be greater than min {min.ToString(CultureInfo.InvariantCulture)}");
            }

            if (statusQuo is { } sq && (sq < min || sq > max))
            {
                Report(issue, $"issue '{id}': status_quo {sq.ToString(CultureInfo.InvariantCulture)} is outside the scale; it must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            }

            var keywords = ImmutableArray.CreateBuilder<string>();
            if (issue.Children.TryGetValue(new YamlScalarNode("keywords"), out var keywordNode))
            {
                if (keywordNode is YamlSequenceNode keywordList)
                {
                    foreach (var keyword in keywordList)
                    {
                        if (keyword is YamlScalarNode { Value: { Length: > 0 } word })
                        {
                            keywords.Add(word.ToLowerInvariant());
                        }
                        else
                        {
                            Report(keyword, "every keyword must be a word or phrase");
                        }
                    }
                }
                else
                {
                    Report(keywordNode, "keywords must be a list, e.g. [ceasefire, truce]");
                }
            }

            var anchors = ImmutableArray.CreateBuilder<IssueAnchor>();
            if (issue.Children.TryGetValue(new YamlScalarNode("anchors"), out var anchorNode))
            {
                foreach (var anchorItem in anchorNode as YamlSequenceNode ?? [])
                {
                    if (anchorItem is not YamlMappingNode anchor)
                    {
                        Report(anchorItem, "each anchor must be a mapping with value, label and optionally sentence");
                        continue;
                    }

                    var value = Number(anchor, "value");
                    var label = anchor.Children.TryGetValue(new YamlScalarNode("label"), out var l) ? (l as YamlScalarNode)?.Value : null;
                    var sentence = anchor.Children.TryGetValue(new YamlScalarNode("sentence"), out var s) ? (s as YamlScalarNode)?.Value : null;
                    if (value is null || string.IsNullOrEmpty(label))
                    {
                        Report(anchor, "an anchor needs a value (a number on the scale) and a label");
                        continue;
                    }

                    if (value < min || value > max)
                    {
                        Report(anchor, $"anchor value {value.Value.ToString(CultureInfo.InvariantCulture)} is outside the scale {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)}");
                        continue;
                    }

                    anchors.Add(new IssueAnchor(value.Value, label, sentence));
                }
            }

            if (id is not null && !ids.Add(id))
            {
                Report(issue, $"duplicate issue id '{id}'; every issue needs its own id");
            }

            if (id is not null && name is not null && low is not null && high is not null)
            {
                issues.Add(new IssueDefinition
                {
                    Id = id,
                    Name = name,
                    Min = min,
                    Max = max,
                    StatusQuo = statusQuo,
                    LowSentence = low,
                    HighSentence = high,
                    Keywords = keywords.ToImmutable(),
                    Anchors = anchors.ToImmutable(),
                    FromIssuesFile = true,
                });
            }
        }

        if (issues.Count == 0 && problems.Count == 0)
        {
            problems.Add(new Diagnostic(fileName, (int)items.Start.Line, (int)items.Start.Column, "the issues list is empty; give at least one issue"));
        }

        return problems.Count == 0 ? (issues.ToImmutable(), []) : ([], [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column)]);
    }
}

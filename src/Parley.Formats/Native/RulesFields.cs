using System.Collections.Immutable;
using Parley.Core.Domain;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats.Native;

/// <summary>
/// Reads the <c>rules</c> section of a scenario or stage (<see cref="DecisionRules"/>): its
/// structure here, located; the ids it names and the numbers' ranges in <see cref="ScenarioChecker"/>.
/// </summary>
internal static class RulesFields
{
    private static readonly string[] Fields = ["procedure", "decision", "voters", "weights", "quota", "minimum_members", "blocking_members", "veto_players", "issue_veto_players", "agenda_setter"];

    /// <summary>The decision names of the format, in <see cref="DecisionKind"/> order.</summary>
    public static string DecisionNames => "unanimity, qualified_majority, simple_majority";

    /// <summary>The format's name of <paramref name="kind"/>.</summary>
    public static string NameOf(DecisionKind kind) => kind switch
    {
        DecisionKind.QualifiedMajority => "qualified_majority",
        DecisionKind.SimpleMajority => "simple_majority",
        _ => "unanimity",
    };

    /// <summary>The rules under <paramref name="field"/> of <paramref name="parent"/>, or <c>null</c> when absent or broken.</summary>
    /// <param name="parent">The scenario's or the stage's fields.</param>
    /// <param name="field">The field, <c>rules</c>.</param>
    /// <param name="key">The source-map key of the section (<c>rules</c>, <c>stage[i].rules</c>); its fields are marked under it.</param>
    /// <param name="map">Where elements were read, for the checks' locations.</param>
    /// <param name="fileName">The file, for messages.</param>
    /// <param name="problems">Receives every structural problem, located.</param>
    public static DecisionRules? Read(YamlFields parent, string field, string key, SourceMap map, string fileName, NativeProblems problems)
    {
        if (parent.Node(field) is not { } node || YamlFields.IsNull(node))
        {
            return null;
        }

        var fields = YamlFields.Of(node, field, fileName, problems);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly(Fields);
        map.Set(key, fields.Location);
        foreach (var name in Fields.Where(name => fields.Node(name) is not null))
        {
            map.Set($"{key}.{name}", fields.LocationOf(name));
        }

        if (fields.Node("voters") is YamlSequenceNode { Children.Count: 0 })
        {
            // Not the same as leaving voters out (every actor with a stance votes): a body of no
            // voters, in which no coalition could carry a decision.
            var at = fields.LocationOf("voters");
            problems.Add(new Diagnostic(fileName, at.Line, at.Column, "rules: voters is an empty list, so no coalition could carry a decision; list the voters' actor ids, or leave voters out to let every actor with a stance on an issue vote"));
        }

        var decision = DecisionKind.Unanimity;
        if (fields.String("decision") is { } text && !TryParse(text, out decision))
        {
            var at = fields.LocationOf("decision");
            problems.Add(new Diagnostic(fileName, at.Line, at.Column, $"rules: decision '{Excerpt.Of(text)}' is not allowed; use one of {DecisionNames}"));
        }

        return new DecisionRules
        {
            Procedure = fields.String("procedure"),
            Decision = decision,
            Voters = fields.StringList("voters"),
            Weights = ReadWeights(fields.Node("weights"), fileName, problems),
            Quota = fields.Number("quota"),
            MinimumMembers = WholeNumber(fields, "minimum_members", fileName, problems),
            BlockingMembers = WholeNumber(fields, "blocking_members", fileName, problems),
            VetoPlayers = fields.StringList("veto_players"),
            IssueVetoPlayers = ReadIssueVetoes(fields.Node("issue_veto_players"), fileName, problems),
            AgendaSetter = fields.String("agenda_setter"),
        };
    }

    private static bool TryParse(string text, out DecisionKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "unanimity":
                kind = DecisionKind.Unanimity;
                return true;
            case "qualified_majority":
                kind = DecisionKind.QualifiedMajority;
                return true;
            case "simple_majority":
                kind = DecisionKind.SimpleMajority;
                return true;
            default:
                kind = DecisionKind.Unanimity;
                return false;
        }
    }

    private static int? WholeNumber(YamlFields fields, string name, string fileName, NativeProblems problems)
    {
        if (fields.Number(name) is not { } number)
        {
            return null;
        }

        if (number >= 1 && number <= 100_000 && number == Math.Floor(number))
        {
            return (int)number;
        }

        var at = fields.LocationOf(name);
        problems.Add(new Diagnostic(fileName, at.Line, at.Column, $"rules: {name} must be a whole number of voters from 1 to 100000, found {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        return null;
    }

    private static ImmutableSortedDictionary<string, double> ReadWeights(YamlNode? node, string fileName, NativeProblems problems)
    {
        var weights = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (id, value) in Entries(node, "weights", "a mapping of actor id to voting weight, e.g. { de: 29, fr: 29 }", fileName, problems))
        {
            if (value is YamlScalarNode scalar && YamlFields.TryParseNumber(scalar.Value, out var weight) && double.IsFinite(weight) && weight >= 0)
            {
                if (!weights.TryAdd(id, weight))
                {
                    YamlFields.Report(problems, fileName, value, $"rules: weights: actor '{Excerpt.Of(id)}' is given twice; give each voter one weight");
                }
            }
            else
            {
                YamlFields.Report(problems, fileName, value, $"rules: weights: the weight of '{Excerpt.Of(id)}' must be a finite number of 0 or more");
            }
        }

        return weights.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, ImmutableArray<string>> ReadIssueVetoes(YamlNode? node, string fileName, NativeProblems problems)
    {
        var vetoes = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (issue, value) in Entries(node, "issue_veto_players", "a mapping of issue id to a list of actor ids, e.g. { territory: [ukr] }", fileName, problems))
        {
            if (value is YamlSequenceNode sequence && sequence.All(item => item is YamlScalarNode { Value: not null }))
            {
                vetoes[issue] = [.. sequence.Cast<YamlScalarNode>().Select(item => item.Value!)];
            }
            else
            {
                YamlFields.Report(problems, fileName, value, $"rules: issue_veto_players: the veto players of issue '{Excerpt.Of(issue)}' must be a list of actor ids, e.g. [ukr]");
            }
        }

        return vetoes.ToImmutable();
    }

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode? node, string name, string allowed, string fileName, NativeProblems problems)
    {
        if (node is null || YamlFields.IsNull(node))
        {
            yield break;
        }

        if (node is not YamlMappingNode mapping)
        {
            YamlFields.Report(problems, fileName, node, $"rules: {name} must be {allowed}");
            yield break;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } text })
            {
                yield return (text, value);
            }
            else
            {
                YamlFields.Report(problems, fileName, key, $"rules: {name}: every key must be an id");
            }
        }
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Core.Domain;

namespace Parley.Formats.Native;

/// <summary>
/// Writes a scenario in Parley's native format, YAML or JSON. Reading the output back gives an
/// equal scenario; field order follows <c>docs/scenario-format.md</c>, numbers are written in
/// their shortest round-trip form with the invariant culture.
/// </summary>
public static class NativeScenarioWriter
{
    /// <summary>The scenario as native YAML.</summary>
    public static string ToYaml(Scenario scenario)
    {
        var text = new StringBuilder();
        WriteYamlMapping(text, ToTree(scenario), indent: 0, inlineFirst: false);
        return text.ToString();
    }

    /// <summary>The scenario as native JSON (indented).</summary>
    public static string ToJson(Scenario scenario)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer, ToTree(scenario));
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>A mapping with ordered keys; <c>null</c> values are left out when written.</summary>
    private sealed class Mapping : List<KeyValuePair<string, object?>>
    {
        public void Add(string key, object? value) => Add(new KeyValuePair<string, object?>(key, value));
    }

    private static Mapping ToTree(Scenario scenario) => new()
    {
        { "id", scenario.Id },
        { "title", scenario.Title },
        { "date", scenario.Date },
        { "question", scenario.Question },
        { "horizon", scenario.Horizon },
        { "description", scenario.Description },
        {
            "default_spread", scenario.DefaultSpread is { } spread
                ? new Mapping { { "position", spread.Position }, { "salience", spread.Salience }, { "capability", spread.Capability } }
                : null
        },
        { "sources", List(scenario.Sources, s => new Mapping { { "id", s.Id }, { "title", s.Title }, { "publisher", s.Publisher }, { "date", s.Date }, { "url", s.Url }, { "file", s.File }, { "sha256", s.Sha256 } }) },
        {
            "actors", List(scenario.Actors, a => new Mapping
            {
                { "id", a.Id },
                { "name", a.Name },
                { "kind", a.Kind.ToString().ToLowerInvariant() },
                { "description", a.Description },
                { "capability", a.Capability },
                { "capability_range", Range(a.CapabilityRange) },
                { "members", a.Members.IsEmpty ? null : a.Members.Cast<object?>().ToList() },
                { "evidence", Evidence(a.Evidence) },
                { "candidates", Candidates(a.Candidates) },
            })
        },
        {
            "issues", List(scenario.Issues, i => new Mapping
            {
                { "id", i.Id },
                { "name", i.Name },
                { "description", i.Description },
                { "min", i.ScaleMin },
                { "max", i.ScaleMax },
                { "status_quo", i.StatusQuo },
                { "outcome", Outcome(i) },
                { "anchors", List(i.Anchors, a => new Mapping { { "value", a.Value }, { "label", a.Label } }) },
            })
        },
        {
            "stances", Concat(
                List(scenario.Stances, s => new Mapping
                {
                    { "actor", s.ActorId },
                    { "issue", s.IssueId },
                    { "position", s.Position },
                    { "salience", s.Salience },
                    { "capability", s.Capability },
                    { "position_range", Range(s.PositionRange) },
                    { "salience_range", Range(s.SalienceRange) },
                    { "evidence", Evidence(s.Evidence) },
                    { "candidates", Candidates(s.Candidates) },
                }),
                List(scenario.DraftStances, d => new Mapping
                {
                    { "actor", d.ActorId },
                    { "issue", d.IssueId },
                    { "position", (object?)d.Position ?? Null.Value },
                    { "salience", (object?)d.Salience ?? Null.Value },
                    { "capability", d.Capability },
                    {
                        "suggestion", d.Suggestion is { } suggestion
                            ? new Mapping { { "kind", DraftFields.SuggestionKind }, { "position", suggestion.Position }, { "basis", suggestion.Basis } }
                            : null
                    },
                    { "evidence", Evidence(d.Evidence) },
                    { "candidates", Candidates(d.Candidates) },
                }))
        },
        {
            "stages", List(scenario.Stages, s => new Mapping
            {
                { "id", s.Id },
                { "name", s.Name },
                { "description", s.Description },
                { "participants", s.Participants.Cast<object?>().ToList() },
                { "issues", s.Issues.IsEmpty ? null : s.Issues.Cast<object?>().ToList() },
                { "model", s.Model },
                { "rules", Rules(s.Rules) },
            })
        },
        { "rules", Rules(scenario.Rules) },
    };

    /// <summary>The <c>rules</c> section; <c>null</c> (left out) when there are none.</summary>
    private static Mapping? Rules(DecisionRules? rules) => rules is null ? null : new Mapping
    {
        { "procedure", rules.Procedure },
        { "decision", RulesFields.NameOf(rules.Decision) },
        { "voters", rules.Voters.IsEmpty ? null : rules.Voters.Cast<object?>().ToList() },
        { "weights", rules.Weights.IsEmpty ? null : Weights(rules.Weights) },
        { "quota", rules.Quota },
        { "minimum_members", rules.MinimumMembers },
        { "blocking_members", rules.BlockingMembers },
        { "veto_players", rules.VetoPlayers.IsEmpty ? null : rules.VetoPlayers.Cast<object?>().ToList() },
        { "issue_veto_players", rules.IssueVetoPlayers.IsEmpty ? null : IssueVetoes(rules.IssueVetoPlayers) },
        { "agenda_setter", rules.AgendaSetter },
    };

    private static Mapping Weights(IEnumerable<KeyValuePair<string, double>> weights)
    {
        var mapping = new Mapping();
        foreach (var (id, weight) in weights)
        {
            mapping.Add(id, weight);
        }

        return mapping;
    }

    private static Mapping IssueVetoes(IEnumerable<KeyValuePair<string, ImmutableArray<string>>> vetoes)
    {
        var mapping = new Mapping();
        foreach (var (issue, actors) in vetoes)
        {
            mapping.Add(issue, actors.Cast<object?>().ToList());
        }

        return mapping;
    }

    /// <summary>The value alone when nothing else is known about the outcome (as DEU-style files have it), else the mapping.</summary>
    private static object? Outcome(Issue issue) => issue.OutcomeObservation is not { } observation
        ? issue.Outcome
        : new Mapping
        {
            { "value", issue.Outcome },
            { "observed", observation.Date },
            { "note", observation.Note },
            { "evidence", Evidence(observation.Evidence) },
        };

    /// <summary>An explicit YAML/JSON <c>null</c>: an open judgement, written rather than left out.</summary>
    private sealed class Null
    {
        public static readonly Null Value = new();
    }

    private static List<object?>? Concat(List<object?>? first, List<object?>? second) =>
        first is null ? second : second is null ? first : [.. first, .. second];

    private static List<object?>? Candidates(IReadOnlyCollection<CandidateEvidence> candidates) => List(candidates, c => new Mapping
    {
        { "quote", c.Quote },
        { "source", c.SourceId },
        { "start", c.Start },
        { "end", c.End },
        { "kind", DraftFields.NameOf(c.Kind) },
        { "score", c.Score },
    });

    private static List<object?>? List<T>(IReadOnlyCollection<T> items, Func<T, Mapping> convert) =>
        items.Count == 0 ? null : items.Select(i => (object?)convert(i)).ToList();

    private static Mapping? Range(ValueRange? range) =>
        range is null ? null : new Mapping { { "low", range.Low }, { "high", range.High }, { "sd", range.StandardDeviation } };

    private static List<object?>? Evidence(IReadOnlyCollection<Evidence> evidence) => List(evidence, e => new Mapping
    {
        {
            e.Kind switch
            {
                EvidenceKind.Quote => "quote",
                EvidenceKind.Paraphrase => "paraphrase",
                _ => "judgement",
            },
            e.Text
        },
        { "source", e.SourceId },
    });

    private static void WriteYamlMapping(StringBuilder text, Mapping mapping, int indent, bool inlineFirst)
    {
        var first = true;
        foreach (var (key, value) in mapping)
        {
            if (value is null)
            {
                continue;
            }

            if (!(first && inlineFirst))
            {
                text.Append(' ', indent);
            }

            first = false;
            text.Append(key).Append(':');
            switch (value)
            {
                case Mapping child when IsFlat(child):
                    text.Append(' ').Append(FlowMapping(child)).Append('\n');
                    break;
                case Mapping child:
                    text.Append('\n');
                    WriteYamlMapping(text, child, indent + 2, inlineFirst: false);
                    break;
                case List<object?> list when list.All(item => item is not Mapping):
                    text.Append(" [").Append(string.Join(", ", list.Select(Scalar))).Append("]\n");
                    break;
                case List<object?> list:
                    text.Append('\n');
                    foreach (var item in list)
                    {
                        text.Append(' ', indent + 2).Append("- ");
                        if (item is Mapping itemMapping && IsFlat(itemMapping) && itemMapping.Count(p => p.Value is not null) <= 2)
                        {
                            text.Append(FlowMapping(itemMapping)).Append('\n');
                        }
                        else if (item is Mapping nested)
                        {
                            WriteYamlMapping(text, nested, indent + 4, inlineFirst: true);
                        }
                        else
                        {
                            text.Append(Scalar(item)).Append('\n');
                        }
                    }

                    break;
                default:
                    text.Append(' ').Append(Scalar(value)).Append('\n');
                    break;
            }
        }
    }

    private static bool IsFlat(Mapping mapping) => mapping.All(p => p.Value is null or string or double or int or Null);

    private static string FlowMapping(Mapping mapping) =>
        "{ " + string.Join(", ", mapping.Where(p => p.Value is not null).Select(p => $"{p.Key}: {Scalar(p.Value)}")) + " }";

    private static string Scalar(object? value) => value switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        string text => Quote(text),
        Null => "null",
        _ => throw new ArgumentException($"unsupported value {value}", nameof(value)),
    };

    private static readonly JsonWriterOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A YAML double-quoted scalar; its escapes are those of JSON, which YAML shares.</summary>
    /// <remarks>
    /// Written with <see cref="Utf8JsonWriter"/> rather than the reflection-based serializer, which the natively
    /// compiled parley (tools/publish.sh) does not have.
    /// </remarks>
    private static string Quote(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, QuoteOptions))
        {
            writer.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case Mapping mapping:
                writer.WriteStartObject();
                foreach (var (key, item) in mapping)
                {
                    if (item is not null)
                    {
                        writer.WritePropertyName(key);
                        WriteJson(writer, item);
                    }
                }

                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case Null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            default:
                throw new ArgumentException($"unsupported value {value}", nameof(value));
        }
    }
}

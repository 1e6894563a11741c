using System.Collections.Immutable;
using Parley.Core.Domain;
using YamlDotNet.RepresentationModel;

namespace Parley.Formats.Native;

/// <summary>
/// Reads Parley's native scenario format, YAML or JSON (the same schema; JSON is read as YAML
/// flow style, so both get line and column numbers). The schema is in <c>docs/scenario-format.md</c>
/// and <c>docs/scenario.schema.json</c>.
/// </summary>
public sealed class NativeScenarioReader : IScenarioFormatReader
{
    private static readonly string[] TopLevelFields = ["id", "title", "date", "question", "horizon", "description", "default_spread", "sources", "actors", "issues", "stances", "stages", "rules"];

    private NativeScenarioReader(ScenarioFormat format) => Format = format;

    /// <summary>The YAML reader.</summary>
    public static NativeScenarioReader Yaml { get; } = new(ScenarioFormat.Yaml);

    /// <summary>The JSON reader.</summary>
    public static NativeScenarioReader Json { get; } = new(ScenarioFormat.Json);

    /// <inheritdoc />
    public ScenarioFormat Format { get; }

    /// <inheritdoc />
    public bool Recognizes(string text, string fileName)
    {
        var trimmed = text.TrimStart();
        if (Format == ScenarioFormat.Json)
        {
            return trimmed.StartsWith('{');
        }

        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("actors:", StringComparison.Ordinal) || line.StartsWith("issues:", StringComparison.Ordinal)
                || line.StartsWith("stances:", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public ReadResult Read(string text, string fileName)
    {
        var problems = new NativeProblems();
        var (stream, problem) = YamlText.Load(text, fileName, Format == ScenarioFormat.Json ? "JSON" : "YAML");
        if (stream is null)
        {
            return ReadResult.Failure([problem!]);
        }

        if (stream.Documents.Count == 0)
        {
            return ReadResult.Failure([new Diagnostic(fileName, 1, 1, "the file holds no document; a scenario needs id, title, actors, issues and stances")]);
        }

        var root = stream.Documents[0].RootNode;

        var map = new SourceMap();
        var fields = YamlFields.Of(root, "scenario", fileName, problems);
        if (fields is null)
        {
            return ReadResult.Failure(problems.Structure);
        }

        map.Set("scenario", fields.Location);
        Mark(fields, "scenario", map, "id", "date", "horizon");
        fields.AllowOnly(TopLevelFields);
        var (stances, draftStances) = ReadStances(fields, map, fileName, problems);
        var scenario = new Scenario
        {
            Id = fields.String("id", required: true) ?? string.Empty,
            Title = fields.String("title", required: true) ?? string.Empty,
            Date = fields.String("date"),
            Question = fields.String("question"),
            Horizon = fields.String("horizon"),
            Description = fields.String("description"),
            DefaultSpread = ReadDefaultSpread(fields, fileName, problems),
            Sources = ReadList(fields, "sources", "source", map, fileName, problems, ReadSource),
            Actors = ReadList(fields, "actors", "actor", map, fileName, problems, ReadActor),
            Issues = ReadList(fields, "issues", "issue", map, fileName, problems, ReadIssue),
            Stances = stances,
            DraftStances = draftStances,
            Stages = ReadList(fields, "stages", "stage", map, fileName, problems, ReadStage),
            Rules = RulesFields.Read(fields, "rules", "rules", map, fileName, problems),
        };

        // The checks of content need every element read; unknown fields leave the elements whole,
        // so a file with a misspelt field still gets its ranges and ids checked in the same pass.
        var all = new DiagnosticList();
        all.AddRange(problems.Structure);
        all.AddRange(problems.UnknownFields);
        if (problems.Structure.Count == 0)
        {
            all.AddRange(ScenarioChecker.Check(scenario, map, fileName));
        }

        var result = ReadResult.From(scenario, all);
        return result.Succeeded ? result with { OpenJudgements = [.. ScenarioChecker.OpenJudgements(scenario, map, fileName)] } : result;
    }

    private delegate T? ElementReader<T>(YamlFields fields, string key, SourceMap map, string fileName, NativeProblems problems)
        where T : class;

    private static ImmutableArray<T> ReadList<T>(YamlFields parent, string field, string kind, SourceMap map, string fileName, NativeProblems problems, ElementReader<T> read)
        where T : class
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        foreach (var (node, index) in parent.Items(field))
        {
            var fields = YamlFields.Of(node, $"{kind} {index + 1}", fileName, problems);
            if (fields is null)
            {
                continue;
            }

            var key = SourceMap.Key(kind, builder.Count);
            map.Set(key, fields.Location);
            var element = read(fields, key, map, fileName, problems);
            if (element is not null)
            {
                builder.Add(element);
            }
        }

        return builder.ToImmutable();
    }

    private static Source? ReadSource(YamlFields fields, string key, SourceMap map, string fileName, NativeProblems problems)
    {
        fields.AllowOnly("id", "title", "publisher", "date", "url", "file", "sha256");
        Mark(fields, key, map, "id", "sha256");
        return new Source(
            fields.String("id", required: true) ?? string.Empty,
            fields.String("title", required: true) ?? string.Empty,
            fields.String("publisher"),
            fields.String("date"),
            fields.String("url"))
        {
            File = fields.String("file"),
            Sha256 = fields.String("sha256"),
        };
    }

    private static Actor? ReadActor(YamlFields fields, string key, SourceMap map, string fileName, NativeProblems problems)
    {
        fields.AllowOnly("id", "name", "kind", "description", "capability", "capability_range", "members", "evidence", "candidates");
        Mark(fields, key, map, "id", "capability", "capability_range", "members", "evidence", "candidates");
        var kindText = fields.String("kind");
        var kind = ActorKind.State;
        if (kindText is not null && !TryParseKind(kindText, out kind))
        {
            var at = fields.LocationOf("kind");
            problems.Add(new Diagnostic(fileName, at.Line, at.Column, $"actor kind '{Excerpt.Of(kindText)}' is not allowed; use one of state, person, organisation, bloc"));
        }

        var id = fields.String("id", required: true) ?? string.Empty;
        return new Actor
        {
            Id = id,
            Name = fields.String("name") ?? id,
            Kind = kind,
            Description = fields.String("description"),
            Capability = fields.Number("capability"),
            CapabilityRange = ReadRange(fields, "capability_range", fileName, problems),
            Members = fields.StringList("members"),
            Evidence = ReadEvidence(fields, fileName, problems),
            Candidates = DraftFields.ReadCandidates(fields, fileName, problems),
        };
    }

    private static Issue? ReadIssue(YamlFields fields, string key, SourceMap map, string fileName, NativeProblems problems)
    {
        fields.AllowOnly("id", "name", "description", "min", "max", "anchors", "status_quo", "outcome");
        Mark(fields, key, map, "id", "min", "max", "status_quo");
        var anchors = ImmutableArray.CreateBuilder<Anchor>();
        foreach (var (node, index) in fields.Items("anchors"))
        {
            var anchor = YamlFields.Of(node, $"anchor {index + 1}", fileName, problems);
            if (anchor is null)
            {
                continue;
            }

            anchor.AllowOnly("value", "label");
            map.Set($"{key}.anchors[{anchors.Count}]", anchor.Location);
            var value = anchor.Number("value", required: true);
            var label = anchor.String("label", required: true);
            if (value is { } v && label is not null)
            {
                anchors.Add(new Anchor(v, label));
            }
        }

        var id = fields.String("id", required: true) ?? string.Empty;
        var (outcome, observation) = ReadOutcome(fields, key, map, fileName, problems);
        return new Issue
        {
            Id = id,
            Name = fields.String("name") ?? id,
            Description = fields.String("description"),
            ScaleMin = fields.Number("min") ?? 0,
            ScaleMax = fields.Number("max") ?? 100,
            Anchors = [.. anchors.OrderBy(a => a.Value)],
            StatusQuo = fields.Number("status_quo"),
            Outcome = outcome,
            OutcomeObservation = observation,
        };
    }

    /// <summary>
    /// An issue's <c>outcome</c>: a number (the value alone, as DEU-style backtest files give it) or
    /// a mapping with <c>value</c>, <c>observed</c> (the date), <c>evidence</c> and <c>note</c>; a
    /// mapping without a value records that the outcome could not be told, and why.
    /// </summary>
    private static (double? Value, OutcomeObservation? Observation) ReadOutcome(YamlFields issue, string key, SourceMap map, string fileName, NativeProblems problems)
    {
        var node = issue.Node("outcome");
        if (node is null or YamlScalarNode)
        {
            Mark(issue, key, map, "outcome");
            return (issue.Number("outcome"), null);
        }

        var fields = YamlFields.Of(node, "outcome", fileName, problems);
        if (fields is null)
        {
            return (null, null);
        }

        var outcomeKey = $"{key}.outcome";
        map.Set(outcomeKey, fields.Location);
        fields.AllowOnly("value", "observed", "evidence", "note");
        if (fields.Node("value") is not null)
        {
            map.Set(outcomeKey, fields.LocationOf("value"));
        }

        Mark(fields, outcomeKey, map, "observed", "evidence", "note");
        var observation = new OutcomeObservation
        {
            Date = fields.String("observed"),
            Evidence = ReadEvidence(fields, fileName, problems),
            Note = fields.String("note"),
        };
        return (fields.Number("value"), observation);
    }

    /// <summary>
    /// How a stance is named in its problems: "stance of 'usa' on 'ceasefire'", as the checks name it, when its
    /// actor and issue are written as plain values; else by its place in the list ("stance 3").
    /// </summary>
    private static string StanceLabel(YamlNode node, int index) =>
        node is YamlMappingNode mapping
            && mapping.Children.TryGetValue(new YamlScalarNode("actor"), out var actor) && actor is YamlScalarNode { Value: { Length: > 0 } actorId }
            && mapping.Children.TryGetValue(new YamlScalarNode("issue"), out var issue) && issue is YamlScalarNode { Value: { Length: > 0 } issueId }
            ? $"stance of '{Excerpt.Of(actorId)}' on '{Excerpt.Of(issueId)}'"
            : $"stance {index + 1}";

    /// <summary>
    /// The stances, split into complete ones and drafts: a stance whose <c>position</c> or
    /// <c>salience</c> is an explicit <c>null</c> is a judgement the analyst has still to make.
    /// Each kind is indexed on its own in the source map (<c>stance[i]</c>, <c>draft[j]</c>).
    /// </summary>
    private static (ImmutableArray<Stance> Stances, ImmutableArray<DraftStance> Drafts) ReadStances(YamlFields parent, SourceMap map, string fileName, NativeProblems problems)
    {
        var stances = ImmutableArray.CreateBuilder<Stance>();
        var drafts = ImmutableArray.CreateBuilder<DraftStance>();
        foreach (var (node, index) in parent.Items("stances"))
        {
            var fields = YamlFields.Of(node, StanceLabel(node, index), fileName, problems);
            if (fields is null)
            {
                continue;
            }

            fields.AllowOnly("actor", "issue", "position", "salience", "capability", "position_range", "salience_range", "evidence", "candidates", "suggestion");
            var isDraft = fields.IsExplicitNull("position") || fields.IsExplicitNull("salience");
            var key = isDraft ? SourceMap.Key(DraftFields.MapKind, drafts.Count) : SourceMap.Key("stance", stances.Count);
            map.Set(key, fields.Location);
            Mark(fields, key, map, "actor", "issue", "position", "salience", "capability", "position_range", "salience_range", "evidence", "candidates", "suggestion");
            var actor = fields.String("actor", required: true);
            var issue = fields.String("issue", required: true);
            // In a draft, an open judgement is written as an explicit null; a missing field is still a mistake.
            var position = fields.Number("position", required: !isDraft || fields.Node("position") is null);
            var salience = fields.Number("salience", required: !isDraft || fields.Node("salience") is null);
            var capability = fields.Number("capability");
            var positionRange = ReadRange(fields, "position_range", fileName, problems);
            var salienceRange = ReadRange(fields, "salience_range", fileName, problems);
            var evidence = ReadEvidence(fields, fileName, problems);
            var candidates = DraftFields.ReadCandidates(fields, fileName, problems);
            var suggestion = DraftFields.ReadSuggestion(fields, fileName, problems);
            if (actor is null || issue is null)
            {
                continue;
            }

            if (isDraft)
            {
                drafts.Add(new DraftStance
                {
                    ActorId = actor,
                    IssueId = issue,
                    Position = position,
                    Salience = salience,
                    Capability = capability,
                    Evidence = evidence,
                    Candidates = candidates,
                    Suggestion = suggestion,
                });
            }
            else if (position is { } p && salience is { } s)
            {
                if (suggestion is not null)
                {
                    YamlFields.Report(problems, fileName, fields.Node("suggestion")!, $"stance of '{Excerpt.Of(actor)}' on '{Excerpt.Of(issue)}': a suggestion belongs to a draft stance (position: null); the position is decided, so remove the suggestion");
                }

                stances.Add(new Stance
                {
                    ActorId = actor,
                    IssueId = issue,
                    Position = p,
                    Salience = s,
                    Capability = capability,
                    PositionRange = positionRange,
                    SalienceRange = salienceRange,
                    Evidence = evidence,
                    Candidates = candidates,
                });
            }
        }

        return (stances.ToImmutable(), drafts.ToImmutable());
    }

    private static Stage? ReadStage(YamlFields fields, string key, SourceMap map, string fileName, NativeProblems problems)
    {
        fields.AllowOnly("id", "name", "description", "participants", "issues", "model", "rules");
        Mark(fields, key, map, "id", "participants", "issues", "model");
        var id = fields.String("id", required: true) ?? string.Empty;
        return new Stage
        {
            Id = id,
            Name = fields.String("name") ?? id,
            Description = fields.String("description"),
            Participants = fields.StringList("participants"),
            Issues = fields.StringList("issues"),
            Model = fields.String("model"),
            Rules = RulesFields.Read(fields, "rules", $"{key}.rules", map, fileName, problems),
        };
    }

    /// <summary>
    /// <c>default_spread</c>: one number for positions, saliences and capabilities alike, or a
    /// mapping with <c>position</c>, <c>salience</c>, <c>capability</c> (each optional, defaulting
    /// to <see cref="DefaultSpread.Standard"/>'s); every value from 0 to 1.
    /// </summary>
    private static DefaultSpread? ReadDefaultSpread(YamlFields parent, string fileName, NativeProblems problems)
    {
        var node = parent.Node("default_spread");
        if (node is null)
        {
            return null;
        }

        double? Checked(double? value, YamlNode at, string name)
        {
            if (value is { } number && !(number >= 0 && number <= 1))
            {
                YamlFields.Report(problems, fileName, at, $"default_spread: {name} {number.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not allowed; a spread is a number from 0 to 1 (0.1 = ±10 % of the scale)");
                return null;
            }

            return value;
        }

        if (node is YamlScalarNode scalar)
        {
            if (!YamlFields.TryParseNumber(scalar.Value, out var all))
            {
                YamlFields.Report(problems, fileName, node, $"default_spread must be a number from 0 to 1 or a mapping with position, salience, capability; found '{Excerpt.Of(scalar.Value)}'");
                return null;
            }

            return Checked(all, node, "value") is { } valid ? DefaultSpread.Uniform(valid) : null;
        }

        var fields = YamlFields.Of(node, "default_spread", fileName, problems);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("position", "salience", "capability");
        var standard = DefaultSpread.Standard;
        var position = Checked(fields.Number("position"), fields.Node("position") ?? node, "position");
        var salience = Checked(fields.Number("salience"), fields.Node("salience") ?? node, "salience");
        var capability = Checked(fields.Number("capability"), fields.Node("capability") ?? node, "capability");
        return new DefaultSpread(position ?? standard.Position, salience ?? standard.Salience, capability ?? standard.Capability);
    }

    private static ValueRange? ReadRange(YamlFields parent, string field, string fileName, NativeProblems problems)
    {
        var node = parent.Node(field);
        if (node is null)
        {
            return null;
        }

        var fields = YamlFields.Of(node, field, fileName, problems);
        if (fields is null)
        {
            return null;
        }

        fields.AllowOnly("low", "high", "sd");
        var low = fields.Number("low", required: true);
        var high = fields.Number("high", required: true);
        var sd = fields.Number("sd");
        return low is { } l && high is { } h ? new ValueRange(l, h, sd) : null;
    }

    private static ImmutableArray<Evidence> ReadEvidence(YamlFields parent, string fileName, NativeProblems problems)
    {
        var builder = ImmutableArray.CreateBuilder<Evidence>();
        foreach (var (node, index) in parent.Items("evidence"))
        {
            var fields = YamlFields.Of(node, $"evidence {index + 1}", fileName, problems);
            if (fields is null)
            {
                continue;
            }

            fields.AllowOnly("quote", "paraphrase", "judgement", "source");
            var quote = fields.String("quote");
            var paraphrase = fields.String("paraphrase");
            var judgement = fields.String("judgement");
            var source = fields.String("source");
            var given = new[] { quote, paraphrase, judgement }.Count(t => t is not null);
            if (given != 1)
            {
                var at = fields.Location;
                problems.Add(new Diagnostic(fileName, at.Line, at.Column, $"evidence {index + 1} must have exactly one of quote, paraphrase or judgement (found {given})"));
                continue;
            }

            if (judgement is not null)
            {
                builder.Add(new Evidence(EvidenceKind.AnalystJudgement, judgement, source));
            }
            else
            {
                builder.Add(new Evidence(quote is not null ? EvidenceKind.Quote : EvidenceKind.Paraphrase, quote ?? paraphrase!, source));
            }
        }

        return builder.ToImmutable();
    }

    private static void Mark(YamlFields fields, string key, SourceMap map, params string[] names)
    {
        foreach (var name in names)
        {
            if (fields.Node(name) is not null)
            {
                map.Set($"{key}.{name}", fields.LocationOf(name));
            }
        }
    }

    private static bool TryParseKind(string text, out ActorKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "state":
                kind = ActorKind.State;
                return true;
            case "person":
                kind = ActorKind.Person;
                return true;
            case "organisation" or "organization":
                kind = ActorKind.Organisation;
                return true;
            case "bloc" or "delegation":
                kind = ActorKind.Bloc;
                return true;
            default:
                kind = ActorKind.State;
                return false;
        }
    }
}

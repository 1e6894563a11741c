using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;

namespace Parley.Storage;

/// <summary>
/// What changed between two versions of a scenario: added, removed and changed actors, issues,
/// stances (position, salience, capability, ranges), evidence, sources and stages, in scenario
/// order (actors, issues and stances in the newer version's order, removals after).
/// </summary>
public static class ScenarioDiff
{
    /// <summary>Every difference from <paramref name="older"/> to <paramref name="newer"/>; empty when they are the same.</summary>
    public static ImmutableArray<ScenarioChange> Between(Scenario older, Scenario newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = ImmutableArray.CreateBuilder<ScenarioChange>();
        var scenario = newer.Id == older.Id ? newer.Id : $"{older.Id} -> {newer.Id}";
        Field(changes, ScenarioPart.Scenario, scenario, "id", older.Id, newer.Id);
        Field(changes, ScenarioPart.Scenario, scenario, "title", older.Title, newer.Title);
        Field(changes, ScenarioPart.Scenario, scenario, "date", older.Date, newer.Date);
        Field(changes, ScenarioPart.Scenario, scenario, "question", older.Question, newer.Question);
        Field(changes, ScenarioPart.Scenario, scenario, "horizon", older.Horizon, newer.Horizon);
        Field(changes, ScenarioPart.Scenario, scenario, "description", older.Description, newer.Description);
        Field(changes, ScenarioPart.Scenario, scenario, "default spread", Text(older.DefaultSpread), Text(newer.DefaultSpread));
        Field(changes, ScenarioPart.Scenario, scenario, "model parameters", Text(older.ModelParameters), Text(newer.ModelParameters));

        Compare(changes, ScenarioPart.Source, older.Sources, newer.Sources, s => s.Id, s => s.Title, (source, before, after) =>
        {
            Field(changes, ScenarioPart.Source, source, "title", before.Title, after.Title);
            Field(changes, ScenarioPart.Source, source, "publisher", before.Publisher, after.Publisher);
            Field(changes, ScenarioPart.Source, source, "date", before.Date, after.Date);
            Field(changes, ScenarioPart.Source, source, "url", before.Url, after.Url);
        });

        Compare(changes, ScenarioPart.Actor, older.Actors, newer.Actors, a => a.Id, a => a.Name, (actor, before, after) =>
        {
            Field(changes, ScenarioPart.Actor, actor, "name", before.Name, after.Name);
            Field(changes, ScenarioPart.Actor, actor, "kind", before.Kind.ToString(), after.Kind.ToString());
            Field(changes, ScenarioPart.Actor, actor, "description", before.Description, after.Description);
            Field(changes, ScenarioPart.Actor, actor, "capability", Text(before.Capability), Text(after.Capability));
            Field(changes, ScenarioPart.Actor, actor, "capability range", Text(before.CapabilityRange), Text(after.CapabilityRange));
            Field(changes, ScenarioPart.Actor, actor, "members", string.Join(", ", before.Members), string.Join(", ", after.Members));
            Evidence(changes, $"actor {actor}", before.Evidence, after.Evidence);
        });

        Compare(changes, ScenarioPart.Issue, older.Issues, newer.Issues, i => i.Id, i => i.Name, (issue, before, after) =>
        {
            Field(changes, ScenarioPart.Issue, issue, "name", before.Name, after.Name);
            Field(changes, ScenarioPart.Issue, issue, "description", before.Description, after.Description);
            Field(changes, ScenarioPart.Issue, issue, "scale", $"{Text(before.ScaleMin)}-{Text(before.ScaleMax)}", $"{Text(after.ScaleMin)}-{Text(after.ScaleMax)}");
            Field(changes, ScenarioPart.Issue, issue, "status quo", Text(before.StatusQuo), Text(after.StatusQuo));
            Field(changes, ScenarioPart.Issue, issue, "outcome", Text(before.Outcome), Text(after.Outcome));
            Field(changes, ScenarioPart.Issue, issue, "outcome observed", before.OutcomeObservation?.Date, after.OutcomeObservation?.Date);
            Field(changes, ScenarioPart.Issue, issue, "outcome note", before.OutcomeObservation?.Note, after.OutcomeObservation?.Note);
            Evidence(changes, $"outcome of {issue}", before.OutcomeObservation?.Evidence ?? [], after.OutcomeObservation?.Evidence ?? []);
            Field(changes, ScenarioPart.Issue, issue, "anchors",
                string.Join("; ", before.Anchors.Select(a => $"{Text(a.Value)} = {a.Label}")),
                string.Join("; ", after.Anchors.Select(a => $"{Text(a.Value)} = {a.Label}")));
        });

        Compare(changes, ScenarioPart.Stance, older.Stances, newer.Stances, s => $"{s.ActorId} on {s.IssueId}",
            s => $"position {Text(s.Position)}, salience {Text(s.Salience)}{(s.Capability is { } c ? $", capability {Text(c)}" : "")}",
            (stance, before, after) =>
            {
                Field(changes, ScenarioPart.Stance, stance, "position", Text(before.Position), Text(after.Position));
                Field(changes, ScenarioPart.Stance, stance, "salience", Text(before.Salience), Text(after.Salience));
                Field(changes, ScenarioPart.Stance, stance, "capability", Text(before.Capability), Text(after.Capability));
                Field(changes, ScenarioPart.Stance, stance, "position range", Text(before.PositionRange), Text(after.PositionRange));
                Field(changes, ScenarioPart.Stance, stance, "salience range", Text(before.SalienceRange), Text(after.SalienceRange));
                Evidence(changes, $"stance {stance}", before.Evidence, after.Evidence);
            });

        Compare(changes, ScenarioPart.Stage, older.Stages, newer.Stages, s => s.Id, s => s.Name, (stage, before, after) =>
        {
            Field(changes, ScenarioPart.Stage, stage, "name", before.Name, after.Name);
            Field(changes, ScenarioPart.Stage, stage, "description", before.Description, after.Description);
            Field(changes, ScenarioPart.Stage, stage, "participants", string.Join(", ", before.Participants), string.Join(", ", after.Participants));
            Field(changes, ScenarioPart.Stage, stage, "issues", string.Join(", ", before.Issues), string.Join(", ", after.Issues));
            Field(changes, ScenarioPart.Stage, stage, "model", before.Model, after.Model);
        });

        return changes.ToImmutable();
    }

    /// <summary>Matches items by key: additions and changes in the newer order, then removals in the older order.</summary>
    private static void Compare<T>(
        ImmutableArray<ScenarioChange>.Builder changes,
        ScenarioPart part,
        ImmutableArray<T> older,
        ImmutableArray<T> newer,
        Func<T, string> key,
        Func<T, string> describe,
        Action<string, T, T> compare)
    {
        var before = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in older)
        {
            before.TryAdd(key(item), item);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in newer)
        {
            var id = key(item);
            if (!seen.Add(id))
            {
                continue;
            }

            if (before.TryGetValue(id, out var old))
            {
                compare(id, old, item);
            }
            else
            {
                changes.Add(new ScenarioChange(ChangeKind.Added, part, id, null, null, describe(item)));
            }
        }

        foreach (var item in older)
        {
            var id = key(item);
            if (seen.Add(id))
            {
                changes.Add(new ScenarioChange(ChangeKind.Removed, part, id, null, describe(item), null));
            }
        }
    }

    /// <summary>Evidence is a list without ids: a piece is the same when its kind, text and source are.</summary>
    private static void Evidence(ImmutableArray<ScenarioChange>.Builder changes, string owner, ImmutableArray<Evidence> older, ImmutableArray<Evidence> newer)
    {
        foreach (var item in newer.Where(e => !older.Contains(e)))
        {
            changes.Add(new ScenarioChange(ChangeKind.Added, ScenarioPart.Evidence, owner, null, null, Text(item)));
        }

        foreach (var item in older.Where(e => !newer.Contains(e)))
        {
            changes.Add(new ScenarioChange(ChangeKind.Removed, ScenarioPart.Evidence, owner, null, Text(item), null));
        }
    }

    private static void Field(ImmutableArray<ScenarioChange>.Builder changes, ScenarioPart part, string subject, string field, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            changes.Add(new ScenarioChange(ChangeKind.Changed, part, subject, field, string.IsNullOrEmpty(before) ? null : before, string.IsNullOrEmpty(after) ? null : after));
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(double? value) => value is { } v ? Text(v) : null;

    private static string? Text(ValueRange? range) => range is null
        ? null
        : $"{Text(range.Low)}-{Text(range.High)}{(range.StandardDeviation is { } sd ? $" (sd {Text(sd)})" : "")}";

    private static string? Text(DefaultSpread? spread) => spread is null
        ? null
        : $"position {Text(spread.Position)}, salience {Text(spread.Salience)}, capability {Text(spread.Capability)}";

    private static string Text(ImmutableSortedDictionary<string, string> parameters) =>
        string.Join(", ", parameters.Select(p => $"{p.Key}={p.Value}"));

    private static string Text(Evidence evidence)
    {
        var kind = evidence.Kind switch
        {
            EvidenceKind.Quote => "quote",
            EvidenceKind.Paraphrase => "paraphrase",
            _ => "analyst judgement",
        };
        return $"{kind} \"{evidence.Text}\"{(evidence.SourceId is { } source ? $" ({source})" : "")}";
    }
}

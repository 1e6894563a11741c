using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Drafting.Actors;

namespace Parley.Drafting;

/// <summary>
/// Adds a draft's sources and candidate evidence to an existing scenario without touching the
/// analyst's judgements: positions, saliences, capabilities, ranges, accepted evidence, actors,
/// issues and stages stay exactly as they are. Only <c>sources</c> grow, and the
/// <c>candidates</c> lists of existing stances and actors.
/// </summary>
public static class DraftMerger
{
    /// <summary>What merging gave: the scenario and what was added or left out.</summary>
    /// <param name="Scenario">The existing scenario with the new sources and candidates.</param>
    /// <param name="AddedCandidates">Candidates added to stances and actors.</param>
    /// <param name="Notes">Sources already present, actors and stances of the draft with no counterpart (not added).</param>
    public sealed record MergeResult(Scenario Scenario, int AddedCandidates, ImmutableArray<string> Notes);

    /// <summary>Merges <paramref name="draft"/> (drafted with <paramref name="existing"/>'s issues) into <paramref name="existing"/>.</summary>
    public static MergeResult Merge(Scenario existing, Scenario draft, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(draft);
        gazetteer ??= Gazetteer.BuiltIn;
        var notes = ImmutableArray.CreateBuilder<string>();

        // Sources: one already present (same content hash) keeps its id; a clashing id gets a suffix.
        var sourceIds = existing.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = existing.Sources.ToBuilder();
        foreach (var source in draft.Sources)
        {
            var same = existing.Sources.FirstOrDefault(s => s.Sha256 is not null && s.Sha256 == source.Sha256);
            if (same is not null)
            {
                renamed[source.Id] = same.Id;
                notes.Add($"source {source.File ?? source.Id} is already in the scenario as '{same.Id}' (same SHA-256); its candidates are added once");
                continue;
            }

            var id = source.Id;
            for (var n = 2; sourceIds.Contains(id); n++)
            {
                id = $"{source.Id}-{n}";
            }

            sourceIds.Add(id);
            renamed[source.Id] = id;
            sources.Add(source with { Id = id });
        }

        CandidateEvidence Rename(CandidateEvidence c) => c with { SourceId = renamed.GetValueOrDefault(c.SourceId, c.SourceId) };

        // Draft actors to existing actors: same id, same name, or the same gazetteer entity; people by surname.
        var actorMap = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in draft.Actors)
        {
            var match = existing.Actors.FirstOrDefault(a => a.Id == actor.Id)
                ?? existing.Actors.FirstOrDefault(a => string.Equals(a.Name, actor.Name, StringComparison.OrdinalIgnoreCase))
                ?? (actor.Kind == ActorKind.Person
                    ? existing.Actors.FirstOrDefault(a => a.Kind == ActorKind.Person && Analysis.ActorAnalyzer.SurnameKey(a.Name) == Analysis.ActorAnalyzer.SurnameKey(actor.Name))
                    : existing.Actors.FirstOrDefault(a => a.Kind != ActorKind.Person && (gazetteer.Resolve(a.Name)?.Id ?? gazetteer.Resolve(a.Id)?.Id) == actor.Id));
            if (match is null)
            {
                notes.Add($"actor '{actor.Id}' ({actor.Name}) found in the new sources is not in the scenario; not added (add it by hand if it takes part)");
                continue;
            }

            actorMap[actor.Id] = match.Id;
        }

        var added = 0;
        ImmutableArray<CandidateEvidence> Append(ImmutableArray<CandidateEvidence> current, IEnumerable<CandidateEvidence> more)
        {
            var builder = current.ToBuilder();
            foreach (var candidate in more.Select(Rename))
            {
                if (!builder.Any(c => c.SourceId == candidate.SourceId && c.Start == candidate.Start && c.End == candidate.End))
                {
                    builder.Add(candidate);
                    added++;
                }
            }

            return builder.ToImmutable();
        }

        var actors = existing.Actors.Select(actor =>
        {
            var fromDraft = draft.Actors.Where(a => actorMap.GetValueOrDefault(a.Id) == actor.Id).SelectMany(a => a.Candidates).ToList();
            return fromDraft.Count == 0 ? actor : actor with { Candidates = Append(actor.Candidates, fromDraft) };
        }).ToImmutableArray();

        var byPair = draft.DraftStances.Where(d => actorMap.ContainsKey(d.ActorId))
            .GroupBy(d => (actorMap[d.ActorId], d.IssueId))
            .ToDictionary(g => g.Key, g => g.SelectMany(d => d.Candidates).OrderByDescending(c => c.Score).ToList());
        var used = new HashSet<(string, string)>();
        ImmutableArray<CandidateEvidence>? MoreFor(string actorId, string issueId, ImmutableArray<CandidateEvidence> current)
        {
            if (!byPair.TryGetValue((actorId, issueId), out var more) || more.Count == 0)
            {
                return null;
            }

            used.Add((actorId, issueId));
            return Append(current, more);
        }

        var stances = existing.Stances.Select(s => MoreFor(s.ActorId, s.IssueId, s.Candidates) is { } c ? s with { Candidates = c } : s).ToImmutableArray();
        var drafts = existing.DraftStances.Select(s => MoreFor(s.ActorId, s.IssueId, s.Candidates) is { } c ? s with { Candidates = c } : s).ToImmutableArray();

        var unused = byPair.Where(p => p.Value.Count > 0 && !used.Contains(p.Key)).Select(p => $"{p.Key.Item1} x {p.Key.Item2}").Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
        {
            notes.Add($"candidates for {string.Join(", ", unused)} were found but the scenario has no such stance; not added (a new stance is the analyst's judgement)");
        }

        var merged = existing with { Sources = sources.ToImmutable(), Actors = actors, Stances = stances, DraftStances = drafts };
        return new MergeResult(merged, added, notes.ToImmutable());
    }
}

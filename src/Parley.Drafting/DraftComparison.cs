using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Drafting.Actors;
using Parley.Drafting.Sources;

namespace Parley.Drafting;

/// <summary>
/// How a draft compares with a scenario an analyst built by hand from the same sources: recall and
/// precision of the actors (states, blocs, bodies) and of the people, whether each person is
/// grouped under the right actor, and for every stance the hand-built file supports with a quote,
/// whether that quote is among the top three candidates of the same actor and issue.
/// </summary>
public static class DraftComparison
{
    /// <summary>A quote counts as found when a top-three candidate covers at least this share of its characters.</summary>
    public const double OverlapNeeded = 0.5;

    /// <summary>Compares <paramref name="draft"/> with <paramref name="expected"/>; quotes are located in <paramref name="sources"/>.</summary>
    public static ComparisonResult Compare(Scenario draft, Scenario expected, IReadOnlyList<SourceDocument> sources, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(sources);
        gazetteer ??= Gazetteer.BuiltIn;
        var details = ImmutableArray.CreateBuilder<string>();

        var expectedActors = expected.Actors.Where(a => a.Kind != ActorKind.Person).ToList();
        var draftActors = draft.Actors.Where(a => a.Kind != ActorKind.Person).ToList();
        string? DraftIdFor(Actor wanted)
        {
            var entry = gazetteer.Resolve(wanted.Name) ?? gazetteer.Resolve(wanted.Id);
            return draftActors.FirstOrDefault(d => d.Id == wanted.Id || (entry is not null && d.Id == entry.Id))?.Id;
        }

        var actorMap = expectedActors.ToDictionary(a => a.Id, DraftIdFor, StringComparer.Ordinal);
        foreach (var (id, found) in actorMap.Where(p => p.Value is null))
        {
            details.Add($"actor not found: {id}");
        }

        var falseActors = draftActors.Where(d => !actorMap.ContainsValue(d.Id)).Select(d => d.Id).ToList();
        foreach (var id in falseActors)
        {
            details.Add($"actor proposed but not in the expected scenario: {id}");
        }

        // People: matched by surname; grouping right when the draft puts the person under the counterpart of the expected group.
        var expectedPeople = expected.Actors.Where(a => a.Kind == ActorKind.Person).ToList();
        var draftPeople = draft.Actors.Where(a => a.Kind == ActorKind.Person).ToList();
        var peopleFound = 0;
        var peopleGrouped = 0;
        foreach (var person in expectedPeople)
        {
            var match = draftPeople.FirstOrDefault(d => Surname(d.Name) == Surname(person.Name));
            if (match is null)
            {
                details.Add($"person not found: {person.Name}");
                continue;
            }

            peopleFound++;
            var expectedGroup = expected.Actors.FirstOrDefault(a => a.Members.Contains(person.Id));
            var draftGroup = draft.Actors.FirstOrDefault(a => a.Members.Contains(match.Id));
            var wantedGroup = expectedGroup is null ? null : actorMap.GetValueOrDefault(expectedGroup.Id);
            if (wantedGroup is not null && draftGroup?.Id == wantedGroup)
            {
                peopleGrouped++;
            }
            else
            {
                details.Add($"person grouped wrongly: {person.Name} under {draftGroup?.Id ?? "nothing"}, expected {expectedGroup?.Id ?? "nothing"}");
            }
        }

        var extraPeople = draftPeople.Where(d => !expectedPeople.Any(p => Surname(p.Name) == Surname(d.Name))).Select(d => d.Name).ToList();
        foreach (var name in extraPeople)
        {
            details.Add($"person found but not in the expected scenario: {name}");
        }

        // Quotes of the hand-built stances.
        var quotes = 0;
        var inTopThree = 0;
        var containedInTopThree = 0;
        var sentenceInTopThree = 0;
        var stances = expected.Stances.Select(s => (s.ActorId, s.IssueId, s.Evidence))
            .Concat(expected.DraftStances.Select(s => (s.ActorId, s.IssueId, s.Evidence)));
        foreach (var (actorId, issueId, evidence) in stances)
        {
            foreach (var quote in evidence.Where(e => e.Kind == EvidenceKind.Quote))
            {
                var location = Locate(quote.Text, sources);
                if (location is null)
                {
                    details.Add($"quote of {actorId} x {issueId} not in any source: \"{quote.Text}\"");
                    continue;
                }

                quotes++;
                var (sourceId, start, end, sentenceStart, sentenceEnd) = location.Value;
                var draftActor = actorMap.GetValueOrDefault(actorId);
                var top = draft.DraftStances.FirstOrDefault(d => d.ActorId == draftActor && d.IssueId == issueId)?.Candidates.Take(3).ToList() ?? [];
                var same = top.Where(c => c.SourceId == sourceId).ToList();
                var overlap = same.Count == 0 ? 0 : same.Max(c => Math.Max(0, Math.Min(c.End, end) - Math.Max(c.Start, start)));
                var hit = overlap >= OverlapNeeded * (end - start);
                inTopThree += hit ? 1 : 0;
                containedInTopThree += same.Any(c => c.Start <= start && c.End >= end) ? 1 : 0;
                sentenceInTopThree += same.Any(c => c.Start >= sentenceStart && c.End <= sentenceEnd) ? 1 : 0;
                var all = draft.DraftStances.FirstOrDefault(d => d.ActorId == draftActor && d.IssueId == issueId)?.Candidates ?? [];
                var rank = all.Select((c, i) => (c, i)).Where(x => x.c.SourceId == sourceId && Math.Min(x.c.End, end) - Math.Max(x.c.Start, start) >= OverlapNeeded * (end - start)).Select(x => x.i).DefaultIfEmpty(-1).First();
                details.Add(hit
                    ? $"quote in top three (rank {rank + 1}): {actorId} x {issueId}: \"{quote.Text}\""
                    : $"quote not in top three ({(rank < 0 ? "not among the candidates" : $"rank {rank + 1}")}): {actorId} x {issueId}: \"{quote.Text}\"; the top three: "
                      + (top.Count == 0 ? "none" : string.Join(" | ", top.Select(c => $"\"{c.Quote}\" ({c.Score.ToString("0.###", CultureInfo.InvariantCulture)})"))));
            }
        }

        return new ComparisonResult(
            expectedActors.Count, actorMap.Count(p => p.Value is not null), draftActors.Count, draftActors.Count - falseActors.Count,
            expectedPeople.Count, peopleFound, peopleGrouped, draftPeople.Count, draftPeople.Count - extraPeople.Count,
            quotes, inTopThree, containedInTopThree, sentenceInTopThree, details.ToImmutable());
    }

    /// <summary>Where a quote stands in the sources, ignoring the difference between straight and curly quotation marks.</summary>
    private static (string SourceId, int Start, int End, int SentenceStart, int SentenceEnd)? Locate(string quote, IReadOnlyList<SourceDocument> sources)
    {
        var wanted = Plain(quote);
        foreach (var source in sources)
        {
            var text = Plain(source.Text);
            var at = text.IndexOf(wanted, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var sentence = Text.TextSplitter.Sentences(source.Text).FirstOrDefault(s => at >= s.Start && at < s.End);
            return (source.Id, at, at + wanted.Length, sentence?.Start ?? at, sentence?.End ?? at + wanted.Length);
        }

        return null;
    }

    /// <summary>Curly quotation marks and apostrophes as straight ones; one character for one, so offsets stay the same.</summary>
    private static string Plain(string text) =>
        text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"');

    private static string Surname(string name) => Analysis.ActorAnalyzer.SurnameKey(name);

    internal static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}

using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.WhatIf;

/// <summary>Structural edits of a scenario shared by what-ifs and influence analysis.</summary>
public static class ScenarioEdits
{
    /// <summary>
    /// <paramref name="scenario"/> without the actors <paramref name="actorIds"/>: their stances go, and
    /// they leave every bloc's member list and every stage's participants. Stages left without
    /// participants stay (they forecast nothing and carry the status quo through).
    /// </summary>
    public static Scenario WithoutActors(Scenario scenario, IEnumerable<string> actorIds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(actorIds);
        var removed = actorIds.ToHashSet(StringComparer.Ordinal);
        if (removed.Count == 0)
        {
            return scenario;
        }

        return scenario with
        {
            Actors = [.. scenario.Actors
                .Where(a => !removed.Contains(a.Id))
                .Select(a => a.Members.Any(removed.Contains) ? a with { Members = [.. a.Members.Where(m => !removed.Contains(m))] } : a)],
            Stances = [.. scenario.Stances.Where(s => !removed.Contains(s.ActorId))],
            Stages = [.. scenario.Stages.Select(s => s.Participants.Any(removed.Contains)
                ? s with { Participants = [.. s.Participants.Where(p => !removed.Contains(p))] }
                : s)],
        };
    }

    /// <summary><paramref name="scenario"/> keeping only the actors in <paramref name="actorIds"/> (a coalition).</summary>
    public static Scenario OnlyActors(Scenario scenario, IReadOnlySet<string> actorIds)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(actorIds);
        return WithoutActors(scenario, scenario.Actors.Select(a => a.Id).Where(id => !actorIds.Contains(id)));
    }

    /// <summary>
    /// <paramref name="scenario"/> with the stance of <paramref name="actorId"/> on <paramref name="issueId"/>
    /// replaced by <paramref name="change"/> applied to it. The stance must exist.
    /// </summary>
    public static Scenario WithStance(Scenario scenario, string actorId, string issueId, Func<Stance, Stance> change)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(change);
        var builder = scenario.Stances.ToBuilder();
        var index = -1;
        for (var i = 0; i < builder.Count && index < 0; i++)
        {
            if (builder[i].ActorId == actorId && builder[i].IssueId == issueId)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            throw new ArgumentException($"actor '{actorId}' takes no stance on issue '{issueId}'", nameof(actorId));
        }

        builder[index] = change(builder[index]);
        return scenario with { Stances = builder.ToImmutable() };
    }
}

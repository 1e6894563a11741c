using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Blocs;

/// <summary>
/// Turns a scenario's blocs and delegations (actors with <see cref="Actor.Members"/>) into one
/// actor each (<see cref="Merge"/>) or into their members (<see cref="Split"/>).
/// </summary>
/// <remarks>
/// <para>Derivation of a bloc B from its members m on an issue, over the members that take a stance
/// on it (a member that is itself a bloc is derived first, recursively):</para>
/// <list type="bullet">
/// <item>capability <c>c_B = Σ c_m</c> (the bloc's own <see cref="Actor.Capability"/> wins when given);</item>
/// <item>position <c>x_B = Σ c_m s_m x_m / Σ c_m s_m</c>, the capability × salience weighted mean
/// (the plain mean when every weight is 0), i.e. the compromise of the members;</item>
/// <item>salience <c>s_B = Σ c_m s_m / Σ c_m</c>, the capability-weighted mean salience (the plain
/// mean when every capability is 0).</item>
/// </list>
/// <para>With the derived capability, <c>c_B s_B = Σ c_m s_m</c>: the bloc carries exactly its
/// members' weight, so the compromise model gives the same forecast merged or split. Models that
/// are not linear in the weights (median, Nash, exchange and expected-utility models) may differ:
/// that difference is what the choice between one voice and many voices means.</para>
/// <para>A bloc's own stance on an issue, when the file gives one, is the analyst's statement of
/// the bloc's common line and wins over the derivation when merging.</para>
/// </remarks>
public static class BlocTransform
{
    /// <summary>Applies <paramref name="mode"/> to <paramref name="scenario"/>.</summary>
    public static Scenario Apply(Scenario scenario, BlocMode mode) => mode switch
    {
        BlocMode.AsWritten => scenario,
        BlocMode.Merge => Merge(scenario),
        BlocMode.Split => Split(scenario),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "use AsWritten, Merge or Split"),
    };

    /// <summary>The command-line names of the modes: <c>as-written</c>, <c>merge</c>, <c>split</c>.</summary>
    public static string Names => "as-written, merge, split";

    /// <summary>The mode named <paramref name="name"/> on the command line, or <c>null</c>.</summary>
    public static BlocMode? ParseMode(string name) => name.ToUpperInvariant() switch
    {
        "AS-WRITTEN" or "ASWRITTEN" => BlocMode.AsWritten,
        "MERGE" => BlocMode.Merge,
        "SPLIT" => BlocMode.Split,
        _ => null,
    };

    /// <summary>
    /// Models every top-level bloc (one that is no other bloc's member) as one actor: its members
    /// (recursively) leave the scenario, the bloc takes the derived stance on every issue where it or
    /// a member takes one, and a stage naming a member seats the bloc instead (the bloc speaks for
    /// all its members).
    /// </summary>
    public static Scenario Merge(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var memberOf = ParentOf(scenario);
        if (memberOf.Count == 0)
        {
            return scenario;
        }

        string TopOf(string id)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { id };
            while (memberOf.TryGetValue(id, out var parent) && seen.Add(parent))
            {
                id = parent;
            }

            return id;
        }

        var blocs = scenario.Actors.Where(a => !a.Members.IsEmpty && !memberOf.ContainsKey(a.Id)).ToList();
        var derived = blocs.SelectMany(bloc => scenario.Issues
            .Select(issue => DeriveStance(scenario, bloc, issue.Id))
            .OfType<Stance>());
        var merged = scenario.Stances.Where(s => !memberOf.ContainsKey(s.ActorId) && scenario.FindActor(s.ActorId) is { Members.IsEmpty: true })
            .Concat(derived)
            .ToList();

        // Keep the file's stance order for untouched actors, then the blocs' stances in actor order.
        return scenario with
        {
            Actors = [.. scenario.Actors.Where(a => !memberOf.ContainsKey(a.Id)).Select(a => a.Members.IsEmpty ? a : a with { Members = [] })],
            Stances = [.. merged],
            Stages = [.. scenario.Stages.Select(stage => stage with
            {
                Participants = [.. stage.Participants.Select(TopOf).Distinct(StringComparer.Ordinal)],
            })],
        };
    }

    /// <summary>
    /// Models every bloc as its members: the bloc leaves the scenario on each issue where at least
    /// one of its members (recursively) takes a stance; on issues where none does, the bloc keeps its
    /// own stance and stays. A member without a capability of its own gets an equal share of its
    /// bloc's capability, when the bloc has one. A stage naming the bloc seats its members.
    /// </summary>
    public static Scenario Split(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var memberOf = ParentOf(scenario);
        if (memberOf.Count == 0)
        {
            return scenario;
        }

        var capability = new Dictionary<string, double?>(StringComparer.Ordinal);
        double? CapabilityOf(string id)
        {
            if (capability.TryGetValue(id, out var known))
            {
                return known;
            }

            capability[id] = null; // guards against membership cycles
            var actor = scenario.FindActor(id);
            var value = actor?.Capability;
            if (value is null && memberOf.TryGetValue(id, out var parent)
                && CapabilityOf(parent) is { } parentCapability && scenario.FindActor(parent) is { } bloc)
            {
                value = parentCapability / bloc.Members.Length;
            }

            capability[id] = value;
            return value;
        }

        var kept = new List<Stance>();
        foreach (var stance in scenario.Stances)
        {
            var actor = scenario.FindActor(stance.ActorId);
            if (actor is { Members.IsEmpty: false } && Leaves(scenario, actor).Any(m => scenario.FindStance(m, stance.IssueId) is not null))
            {
                continue;
            }

            kept.Add(stance);
        }

        var withStance = kept.Select(s => s.ActorId).ToHashSet(StringComparer.Ordinal);
        var remaining = scenario.Actors.Where(a => a.Members.IsEmpty || withStance.Contains(a.Id)).ToList();
        var remainingIds = remaining.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        // A stage naming a bloc that left seats the bloc's members instead.
        IEnumerable<string> Seated(string id) => remainingIds.Contains(id)
            ? [id]
            : scenario.FindActor(id) is { } bloc ? Leaves(scenario, bloc).Where(remainingIds.Contains) : [];

        return scenario with
        {
            Actors = [.. remaining.Select(a => a.Members.IsEmpty && a.Capability is null && CapabilityOf(a.Id) is { } share ? a with { Capability = share } : a)],
            Stances = [.. kept],
            Stages = [.. scenario.Stages.Select(stage => stage with
            {
                Participants = [.. stage.Participants.SelectMany(Seated).Distinct(StringComparer.Ordinal)],
            })],
        };
    }

    /// <summary>
    /// The stance <paramref name="bloc"/> takes on <paramref name="issueId"/> when merged: its own
    /// stance if the file gives one, else the derivation from its members' stances described in the
    /// class remarks (with the derived capability set on the stance unless the bloc has its own);
    /// <c>null</c> when neither the bloc nor any member takes a stance on the issue.
    /// </summary>
    public static Stance? DeriveStance(Scenario scenario, Actor bloc, string issueId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(bloc);
        return Derive(scenario, bloc, issueId, new HashSet<string>(StringComparer.Ordinal));
    }

    private static Stance? Derive(Scenario scenario, Actor bloc, string issueId, HashSet<string> visiting)
    {
        if (scenario.FindStance(bloc.Id, issueId) is { } own)
        {
            return own;
        }

        if (bloc.Members.IsEmpty || !visiting.Add(bloc.Id))
        {
            return null;
        }

        double capabilitySum = 0, weightSum = 0, weightedPosition = 0, positionSum = 0, salienceSum = 0;
        var count = 0;
        foreach (var memberId in bloc.Members)
        {
            if (scenario.FindActor(memberId) is not { } member || Derive(scenario, member, issueId, visiting) is not { } stance)
            {
                continue;
            }

            var capability = scenario.CapabilityOf(stance);
            var weight = capability * stance.Salience;
            capabilitySum += capability;
            weightSum += weight;
            weightedPosition += weight * stance.Position;
            positionSum += stance.Position;
            salienceSum += stance.Salience;
            count++;
        }

        visiting.Remove(bloc.Id);
        if (count == 0)
        {
            return null;
        }

        return new Stance
        {
            ActorId = bloc.Id,
            IssueId = issueId,
            Position = weightSum > 0 ? weightedPosition / weightSum : positionSum / count,
            Salience = capabilitySum > 0 ? weightSum / capabilitySum : salienceSum / count,
            Capability = bloc.Capability is null ? capabilitySum : null,
        };
    }

    private static Dictionary<string, string> ParentOf(Scenario scenario)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in scenario.Actors)
        {
            foreach (var member in actor.Members)
            {
                if (member != actor.Id && scenario.FindActor(member) is not null)
                {
                    parent.TryAdd(member, actor.Id);
                }
            }
        }

        return parent;
    }

    private static IEnumerable<string> Leaves(Scenario scenario, Actor bloc)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { bloc.Id };
        var pending = new Stack<string>(bloc.Members);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!seen.Add(id) || scenario.FindActor(id) is not { } actor)
            {
                continue;
            }

            yield return id;
            foreach (var member in actor.Members)
            {
                pending.Push(member);
            }
        }
    }
}

using CsCheck;
using Parley.Core.Domain;

namespace Parley.Core.Tests;

/// <summary>CsCheck generators of small valid scenarios: 2–6 actors, 1–3 issues on 0–100, optional status quo.</summary>
internal static class ScenarioGen
{
    public static Gen<Scenario> Scenarios(double minCapability = 0) =>
        from actorCount in Gen.Int[2, 6]
        from issueCount in Gen.Int[1, 3]
        from capabilities in Gen.Double[minCapability, 100].Array[actorCount]
        from positions in Gen.Double[0, 100].Array[actorCount * issueCount]
        from saliences in Gen.Double[0.05, 1].Array[actorCount * issueCount]
        from statusQuos in Gen.Double[-50, 100].Array[issueCount]
        select Build(capabilities, positions, saliences, [.. statusQuos.Select(q => q < 0 ? (double?)null : q)]);

    public static Scenario Build(double[] capabilities, double[] positions, double[] saliences, double?[] statusQuos)
    {
        var issues = statusQuos.Select((q, k) => new Issue { Id = $"i{k}", Name = $"Issue {k}", StatusQuo = q }).ToArray();
        var actors = capabilities.Select((c, i) => new Actor { Id = $"a{i}", Name = $"Actor {i}", Capability = c }).ToArray();
        var stances = new List<Stance>();
        for (var i = 0; i < actors.Length; i++)
        {
            for (var k = 0; k < issues.Length; k++)
            {
                var at = (i * issues.Length) + k;
                stances.Add(new Stance { ActorId = actors[i].Id, IssueId = issues[k].Id, Position = positions[at], Salience = saliences[at] });
            }
        }

        return new Scenario { Id = "generated", Title = "Generated", Actors = [.. actors], Issues = [.. issues], Stances = [.. stances] };
    }
}

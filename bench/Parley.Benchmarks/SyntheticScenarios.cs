using Parley.Core.Domain;

namespace Parley.Benchmarks;

/// <summary>Deterministic random scenarios for benchmarks: positions on 0-100, saliences 0.1-1, capabilities 1-100, a status quo per issue.</summary>
public static class SyntheticScenarios
{
    public static Scenario Create(int actors, int issues, int seed = 42)
    {
        var random = new Random(seed);
        var issueList = Enumerable.Range(0, issues)
            .Select(i => new Issue { Id = $"i{i}", Name = $"Issue {i}", ScaleMin = 0, ScaleMax = 100, StatusQuo = random.NextDouble() * 100 })
            .ToArray();
        var actorList = Enumerable.Range(0, actors)
            .Select(a => new Actor { Id = $"a{a}", Name = $"Actor {a}", Capability = 1 + (random.NextDouble() * 99) })
            .ToArray();
        var stances = actorList.SelectMany(a => issueList.Select(i => new Stance
        {
            ActorId = a.Id,
            IssueId = i.Id,
            Position = random.NextDouble() * 100,
            Salience = 0.1 + (random.NextDouble() * 0.9),
        })).ToArray();
        return new Scenario { Id = $"synthetic-{actors}x{issues}", Title = "Synthetic", Actors = [.. actorList], Issues = [.. issueList], Stances = [.. stances] };
    }
}

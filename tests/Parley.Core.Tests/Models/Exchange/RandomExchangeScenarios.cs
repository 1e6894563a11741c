using Parley.Core.Domain;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>
/// Scenarios for the exchange model's property tests, from generated actors: a capability each and,
/// per issue, a position (as a share of the scale), a salience and whether the actor has a stance
/// there. The first actor has a stance on every issue; actors left without any stance are dropped.
/// </summary>
internal static class RandomExchangeScenarios
{
    public static Scenario Build((double Capability, (double Position, double Salience, bool Present)[] Stances)[] actors, double min = 0, double max = 100)
    {
        var issues = Enumerable.Range(0, actors[0].Stances.Length).Select(i => new Issue { Id = $"i{i}", Name = $"i{i}", ScaleMin = min, ScaleMax = max }).ToArray();
        var stances = actors.SelectMany((a, ai) => a.Stances.Select((s, ii) => (s, ii)).Where(x => x.s.Present || ai == 0)
            .Select(x => new Stance { ActorId = $"a{ai}", IssueId = $"i{x.ii}", Position = min + (x.s.Position * (max - min)), Salience = x.s.Salience }))
            .ToArray();
        var withStance = stances.Select(s => s.ActorId).ToHashSet();
        return new Scenario
        {
            Id = "p",
            Title = "p",
            Issues = [.. issues],
            Actors = [.. actors.Select((a, i) => new Actor { Id = $"a{i}", Name = $"a{i}", Capability = a.Capability }).Where(a => withStance.Contains(a.Id))],
            Stances = [.. stances],
        };
    }
}

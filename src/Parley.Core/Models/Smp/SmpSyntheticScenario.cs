using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Models.Smp;

/// <summary>
/// Random SMP scenarios drawn the way KTAB's <c>SMPActor::randomize</c> draws its test actors:
/// capability uniform on [10, 200], positions uniform on [0, 100], an overall salience uniform on
/// [0.75, 0.99] split across dimensions in proportion to uniform [0.1, 1] draws. Deterministic:
/// the same (actors, dimensions, seed) always gives the same scenario. For benchmarks and tests.
/// </summary>
public static class SmpSyntheticScenario
{
    /// <summary>A scenario of <paramref name="actors"/> actors on <paramref name="dimensions"/> issues on [0, 100].</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 1 actor or dimension.</exception>
    public static Scenario Create(int actors, int dimensions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(actors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var random = SmpStreams.ForTurn(seed, 0);
        double Uniform(double low, double high) => low + ((high - low) * random.NextDouble());

        var issues = Enumerable.Range(1, dimensions)
            .Select(d => new Issue { Id = $"dim{d}", Name = $"Dimension {d}", ScaleMin = 0, ScaleMax = 100 })
            .ToImmutableArray();
        var actorList = ImmutableArray.CreateBuilder<Actor>(actors);
        var stances = ImmutableArray.CreateBuilder<Stance>(actors * dimensions);
        for (var a = 0; a < actors; a++)
        {
            var id = $"A{a:D3}";
            actorList.Add(new Actor { Id = id, Name = id, Capability = Uniform(10, 200) });
            var overall = Uniform(0.75, 0.99);
            var shares = Enumerable.Range(0, dimensions).Select(_ => Uniform(0.1, 1.0)).ToArray();
            var total = shares.Sum();
            for (var d = 0; d < dimensions; d++)
            {
                stances.Add(new Stance
                {
                    ActorId = id,
                    IssueId = issues[d].Id,
                    Position = Math.Round(Uniform(0, 100), 2),
                    Salience = overall * shares[d] / total,
                });
            }
        }

        return new Scenario
        {
            Id = $"synthetic-{actors}x{dimensions}-{seed}",
            Title = $"Synthetic SMP scenario, {actors} actors x {dimensions} dimensions (seed {seed})",
            Actors = actorList.MoveToImmutable(),
            Issues = issues,
            Stances = stances.MoveToImmutable(),
        };
    }
}

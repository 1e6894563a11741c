using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Numerics;

namespace Parley.ExchangeDiff;

/// <summary>
/// Random Decide scenarios for the differential test: 2–20 actors, 1–12 issues (small ones more
/// often, since the reference's cost grows with the square of both), scales 0–100 and a few
/// others, positions and saliences either on a coarse grid (so that ties are common) or with two
/// decimals, saliences of 0 in some scenarios, and actors missing from issues in most.
/// </summary>
/// <remarks>
/// Scenario <c>index</c> of a campaign seeded <c>seed</c> is drawn from its own stream
/// (<see cref="Xoshiro256StarStar.ForStream"/>), so any one of them can be regenerated alone.
/// Every issue keeps at least one stance and every actor at least one: the reference's output
/// step fails on an issue nobody takes a stance on, which is not what this test is about.
/// </remarks>
internal static class ScenarioGenerator
{
    private static readonly (double Min, double Max)[] OtherScales = [(0, 10), (1, 7), (-5, 5), (0, 1)];

    /// <summary>The <paramref name="index"/>th scenario of the campaign seeded <paramref name="seed"/>.</summary>
    public static GeneratedScenario Generate(ulong seed, int index)
    {
        var random = Xoshiro256StarStar.ForStream(seed, (ulong)index);
        var actorCount = Size(ref random, (2, 8), (9, 14), (15, 20));
        var issueCount = Size(ref random, (1, 5), (6, 9), (10, 12));
        var positionGrid = random.NextDouble() < 0.5 ? new[] { 2, 4, 10 }[Pick(ref random, 3)] : 0;
        var salienceGrid = random.NextDouble() < 0.5;
        var zeroSalience = random.NextDouble() < 0.3 ? 0.15 : 0;
        var powerStyle = Pick(ref random, 3); // 0: all equal, 1: grid, 2: two decimals
        var missing = random.NextDouble() < 0.3 ? 0 : 0.1 + (0.25 * random.NextDouble());

        var actors = Enumerable.Range(1, actorCount).Select(a => $"a{a}").ToImmutableArray();
        var issues = Enumerable.Range(1, issueCount).Select(i =>
        {
            var (min, max) = random.NextDouble() < 0.75 ? (0.0, 100.0) : OtherScales[Pick(ref random, OtherScales.Length)];
            return new GeneratedIssue($"i{i}", min, max);
        }).ToImmutableArray();

        var powers = actors.Select(_ => powerStyle switch
        {
            0 => 1.0,
            1 => (1 + Pick(ref random, 10)) / 10.0,
            _ => Math.Round(0.05 + (0.95 * random.NextDouble()), 2),
        }).ToArray();

        var present = new bool[actorCount, issueCount];
        for (var a = 0; a < actorCount; a++)
        {
            for (var i = 0; i < issueCount; i++)
            {
                present[a, i] = random.NextDouble() >= missing;
            }
        }

        // Every issue and every actor keeps a stance.
        for (var i = 0; i < issueCount; i++)
        {
            present[Pick(ref random, actorCount), i] = true;
        }

        for (var a = 0; a < actorCount; a++)
        {
            present[a, Pick(ref random, issueCount)] = true;
        }

        var stances = ImmutableArray.CreateBuilder<GeneratedStance>();
        for (var a = 0; a < actorCount; a++)
        {
            for (var i = 0; i < issueCount; i++)
            {
                if (!present[a, i])
                {
                    continue;
                }

                var issue = issues[i];
                var share = positionGrid > 0 ? Pick(ref random, positionGrid + 1) / (double)positionGrid : Math.Round(random.NextDouble(), 3);
                var position = Math.Round(issue.Min + (share * (issue.Max - issue.Min)), 3);
                var salience = random.NextDouble() < zeroSalience
                    ? 0
                    : salienceGrid ? (1 + Pick(ref random, 10)) / 10.0 : Math.Round(0.01 + (0.99 * random.NextDouble()), 2);
                stances.Add(new GeneratedStance(actors[a], issue.Id, position, salience, powers[a]));
            }
        }

        return new GeneratedScenario(string.Create(CultureInfo.InvariantCulture, $"s{seed}-{index:D4}"), actors, issues, stances.ToImmutable());
    }

    private static int Size(ref Xoshiro256StarStar random, (int Low, int High) small, (int Low, int High) medium, (int Low, int High) large)
    {
        var u = random.NextDouble();
        var (low, high) = u < 0.7 ? small : u < 0.95 ? medium : large;
        return low + Pick(ref random, high - low + 1);
    }

    private static int Pick(ref Xoshiro256StarStar random, int count) => (int)(random.NextDouble() * count);
}

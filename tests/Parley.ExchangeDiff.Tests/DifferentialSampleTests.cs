using System.Globalization;

namespace Parley.ExchangeDiff.Tests;

/// <summary>
/// A small fixed sample of the differential campaign (tools/exchange-diff): random scenarios of
/// campaign seed 17, the first six of at most 6 actors x 4 issues (so that their 30 reference
/// runs stay within the suite's budget), through the reference and Parley.
/// </summary>
public sealed class DifferentialSampleTests
{
    private const ulong Seed = 17;

    [DecideReferenceFact]
    public async Task Exchange_SmallRandomScenarios_InsideTheReferenceRange()
    {
        var work = Directory.CreateTempSubdirectory("parley-exchange-diff-").FullName;
        try
        {
            var differential = new Differential(new ReferenceRunner(DecideReference.Run, TimeSpan.FromMinutes(2)), work);
            var sample = Enumerable.Range(0, 1000).Select(i => ScenarioGenerator.Generate(Seed, i))
                .Where(s => s.Actors.Length <= 6 && s.Issues.Length is >= 2 and <= 4)
                .Take(6)
                .ToList();
            var failures = new List<string>();
            var compared = 0;
            foreach (var scenario in sample)
            {
                var result = (await differential.CompareAsync(scenario, "0", CancellationToken.None))!;
                if (result.Excluded is null)
                {
                    compared++;
                }

                if (result.Failed)
                {
                    // Shrink it and keep the small case where the test run's output is kept.
                    var small = await Shrinker.ShrinkAsync(result, differential, 12, CancellationToken.None);
                    var file = Path.Combine(AppContext.BaseDirectory, "exchange-diff-failures", scenario.Name + ".txt");
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    await File.WriteAllTextAsync(file, small.Scenario.ToDecide());
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {string.Join("; ", result.Misses())} (shrunk to {small.Scenario.Actors.Length} x {small.Scenario.Issues.Length}: {file})"));
                }
            }

            Assert.Equal(6, sample.Count);
            Assert.True(compared >= 4, $"only {compared} of the sample's scenarios were compared; the rest were excluded by rule");
            Assert.Empty(failures);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

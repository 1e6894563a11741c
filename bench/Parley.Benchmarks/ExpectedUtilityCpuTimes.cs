using System.Diagnostics;
using System.Globalization;
using Parley.Core.Models;
using Parley.Core.Models.ExpectedUtility;
using Parley.Formats;

namespace Parley.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- eum-cpu</c>: the expected utility model's cost in process CPU time
/// rather than wall time, for a shared machine where other processes inflate wall-clock figures.
/// Prints one line per synthetic size and per BDM case: CPU milliseconds per round, best of five runs.
/// </summary>
internal static class ExpectedUtilityCpuTimes
{
    public static void Run()
    {
        var model = new ExpectedUtilityModel();
        foreach (var variant in new[] { "scholz", "scholz-code" })
        {
            foreach (var actors in new[] { 10, 50, 100, 200, 500, 1000 })
            {
                var scenario = ExpectedUtilitySizeBenchmarks.Synthetic(actors);
                var options = ModelOptions.Default.WithParameter("variant", variant) with { Rounds = 20 };
                var best = Best(() => model.Run(scenario, options), actors >= 500 ? 2 : 5);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{variant,-12} {actors,5} actors x 20 rounds: {best,10:F2} ms CPU ({best / 20,8:F3} ms per round)"));
            }
        }

        if (ExpectedUtilityCaseBenchmarks.CaseNames().ToList() is { Count: > 0 } cases)
        {
            foreach (var name in cases)
            {
                var scenario = ScenarioFiles.Read(Path.Combine(ExpectedUtilityCaseBenchmarks.Folder()!, name + ".csv")).Scenario!;
                var line = $"{name,-28} {scenario.Actors.Length,3} actors:";
                foreach (var variant in new[] { "scholz", "scholz-code" })
                {
                    var options = ModelOptions.Default.WithParameter("variant", variant) with { Rounds = 10 };
                    var best = Best(() => model.Run(scenario, options), 20);
                    line += string.Create(CultureInfo.InvariantCulture, $" {variant} {best * 1000 / 10,8:F1} us/round");
                }

                Console.WriteLine(line);
            }
        }
    }

    /// <summary>CPU milliseconds per run: warm up (tiered JIT) for 200 ms, then the best of five batches of at least 100 ms each.</summary>
    private static double Best(Func<ModelResult> run, int repeats) =>
        CpuTimer.Best(() => run(), batches: Math.Min(repeats, 5), batchMs: 100, warmupMs: 200).Cpu;
}

using BenchmarkDotNet.Attributes;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Uncertainty;
using Parley.Formats;

namespace Parley.Benchmarks;

/// <summary>
/// Monte Carlo throughput: <see cref="DrawsPerInvoke"/> draws of each model on the Alaska scenario
/// and the largest cases, on 1 and 2 threads. Results are per draw (OperationsPerInvoke), so
/// draws per second = 1e9 / Mean(ns).
/// </summary>
[MemoryDiagnoser]
public class MonteCarloBenchmarks
{
    private const int DrawsPerInvoke = 2_000;

    private IModel model = null!;
    private Scenario scenario = null!;

    /// <summary>Every model in the catalog.</summary>
    public static IEnumerable<string> Models => ModelCatalog.All.Select(m => m.Info.Id);

    /// <summary>The Alaska scenario, a synthetic 100 actors x 10 issues, and the largest reference cases this build can read.</summary>
    public static IEnumerable<string> Cases =>
        new[] { "alaska", "synthetic-100x10", "bdm/cases/litigation_codes.csv", "ktab/dummyData-a040.csv", "decide/cop21.csv" }
            .Where(c => Load(c) is not null);

    [ParamsSource(nameof(Models))]
    public string Model { get; set; } = "compromise";

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "alaska";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        model = ModelCatalog.Find(Model)!;
        scenario = Load(Case) ?? throw new InvalidOperationException($"cannot read {Case}");
    }

    [Benchmark(OperationsPerInvoke = DrawsPerInvoke)]
    public MonteCarloResult Draws() =>
        MonteCarlo.Run(scenario, model, new MonteCarloOptions { Draws = DrawsPerInvoke, Seed = 1, Threads = Threads });

    private static Scenario? Load(string name)
    {
        if (name == "synthetic-100x10")
        {
            return SyntheticScenarios.Create(100, 10);
        }

        var root = RepositoryRoot();
        var path = name == "alaska"
            ? Path.Combine(root, "scenarios", "alaska-2025.yaml")
            : Path.Combine(root, "..", "shared", "reference", name);
        return File.Exists(path) ? ScenarioFiles.Read(path).Scenario : null;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Parley.slnx not found above " + AppContext.BaseDirectory);
    }
}

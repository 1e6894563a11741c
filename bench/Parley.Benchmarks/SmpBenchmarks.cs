using BenchmarkDotNet.Attributes;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;

namespace Parley.Benchmarks;

/// <summary>
/// The SMP (KTAB's defaults) on deterministic synthetic scenarios of 7 to 200 actors x 3
/// dimensions drawn as KTAB draws its random actors (<see cref="SmpSyntheticScenario"/>, seed 42):
/// a whole run, every turn to KTAB's stopping rule. KTAB's own times on these sizes are in
/// docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class SmpBenchmarks
{
    private readonly SmpModel model = new();
    private Scenario scenario = null!;

    [Params(7, 25, 50, 100, 200)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup() => scenario = SmpSyntheticScenario.Create(Actors, 3, 42);

    [Benchmark]
    public ModelResult Smp() => model.Run(scenario, ModelOptions.Default);
}

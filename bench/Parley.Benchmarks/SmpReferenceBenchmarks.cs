using BenchmarkDotNet.Attributes;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;

namespace Parley.Benchmarks;

/// <summary>
/// One SMP run on KTAB's dummyData_6Dim (27 actors x 6 dimensions, 29 turns, read from
/// ../shared/reference): lean, as a Monte Carlo draw or an influence re-run makes it, and full
/// (the history and details the forecast command reports). The per-run cost behind
/// <see cref="AnalysisBenchmarks.MonteCarloSmp6Dim2000"/>.
/// </summary>
[MemoryDiagnoser]
public class SmpReferenceBenchmarks
{
    private static readonly ModelOptions LeanOptions = ModelOptions.Default with { Lean = true };
    private readonly SmpModel model = new();
    private Scenario sixDim = null!;

    [GlobalSetup]
    public void Setup() => sixDim = ExchangeCases.Reference("ktab/dummyData_6Dim.csv");

    [Benchmark]
    public ModelResult Lean6Dim() => model.Run(sixDim, LeanOptions);

    [Benchmark]
    public ModelResult Full6Dim() => model.Run(sixDim, ModelOptions.Default);
}

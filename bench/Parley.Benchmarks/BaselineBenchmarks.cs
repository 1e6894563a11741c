using BenchmarkDotNet.Attributes;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Benchmarks;

/// <summary>The three baseline models on synthetic scenarios of 10, 100 and 1,000 actors x 10 issues.</summary>
[MemoryDiagnoser]
public class BaselineBenchmarks
{
    private readonly CompromiseModel compromise = new();
    private readonly MedianModel median = new();
    private readonly NashBargainingModel nash = new();
    private Scenario scenario = null!;

    [Params(10, 100, 1000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup() => scenario = SyntheticScenarios.Create(Actors, 10);

    [Benchmark(Baseline = true)]
    public ModelResult Compromise() => compromise.Run(scenario, ModelOptions.Default);

    [Benchmark]
    public ModelResult Median() => median.Run(scenario, ModelOptions.Default);

    [Benchmark]
    public ModelResult Nash() => nash.Run(scenario, ModelOptions.Default);
}

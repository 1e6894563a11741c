using BenchmarkDotNet.Attributes;
using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Power;

namespace Parley.Benchmarks;

/// <summary>
/// A DEU-sized backtest (180 one-issue cases of 30 actors, 4 static models), the nested grouped
/// 10-fold cross-validation of the recommended model's selection (26 candidates), and the Council power indices.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private BacktestCase[] cases = null!;
    private BacktestModel[] models = null!;

    [GlobalSetup]
    public void Setup()
    {
        cases = [.. Enumerable.Range(0, 180).Select(i =>
        {
            var scenario = SyntheticScenarios.Create(30, 1, seed: i);
            scenario = scenario with { Issues = [scenario.Issues[0] with { Outcome = (i * 37) % 101 }] };
            return new BacktestCase($"c{i}", scenario, $"p{i / 3}");
        })];
        models = [.. new IModel[] { new CompromiseModel(), new MedianModel(), new NashBargainingModel(), new TemperedCompromiseModel() }
            .Select(m => new BacktestModel(m, ModelOptions.Default))];
    }

    [Benchmark(Baseline = true)]
    public BacktestResult Backtest() => Backtester.Run(cases, models);

    [Benchmark]
    public NestedCrossValidationResult CrossValidate() => CrossValidation.Nested(cases, RecommendedSelection.Candidates);

    [Benchmark]
    public double DoubleMajorityPowerEu28()
    {
        int[] population = [811, 664, 648, 608, 464, 380, 199, 169, 113, 108, 105, 104, 98, 97, 86, 72, 57, 55, 54, 46, 42, 29, 21, 20, 13, 8, 6, 4];
        long total = population.Sum();
        return ShapleyShubik.Compute(population, (size, weight) => size >= 16 && (100 * weight >= 65 * total || 28 - size < 4))[0];
    }
}

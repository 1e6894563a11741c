using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.Smp;
using Parley.Core.Uncertainty;

namespace Parley.Benchmarks;

/// <summary>
/// The three analyses of issue 18 (part 2) in process: influence with SMP on KTAB's
/// dummyData_6Dim (27 actors x 6 issues), influence with the exchange model on Decide's cop21
/// (15 x 13), and 2,000 Monte Carlo draws of SMP on dummyData_6Dim (default spread, seed 0, every
/// core). Read from ../shared/reference. Each is seconds to minutes long: one warm-up, three runs.
/// The influence cases use the default search precision (5e-4 of each change, since 2026-12-06);
/// <see cref="InfluenceExchangeCop21FullSearch"/> bisects all 40 steps, as before, for comparison.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private Scenario sixDim = null!;
    private Scenario cop21 = null!;

    [GlobalSetup]
    public void Setup()
    {
        sixDim = ExchangeCases.Reference("ktab/dummyData_6Dim.csv");
        cop21 = ExchangeCases.Reference("decide/cop21.csv");
    }

    [Benchmark]
    public InfluenceResult InfluenceSmp6Dim() => InfluenceAnalysis.Run(sixDim, new SmpModel(), ModelOptions.Default, InfluenceOptions.Default);

    [Benchmark]
    public InfluenceResult InfluenceExchangeCop21() => InfluenceAnalysis.Run(cop21, new ExchangeModel(), ModelOptions.Default, InfluenceOptions.Default);

    [Benchmark]
    public InfluenceResult InfluenceExchangeCop21FullSearch() => InfluenceAnalysis.Run(cop21, new ExchangeModel(), ModelOptions.Default, InfluenceOptions.Default with { SearchPrecision = 0 });

    [Benchmark]
    public MonteCarloResult MonteCarloSmp6Dim2000() => MonteCarlo.Run(sixDim, new SmpModel(), new MonteCarloOptions { Draws = 2000 });
}

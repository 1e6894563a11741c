using BenchmarkDotNet.Attributes;
using Parley.Core.Domain;
using Parley.Core.Influence;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Core.Staging;

namespace Parley.Benchmarks;

/// <summary>
/// Staged forecasts (three stages: a tenth of the actors, half, everyone) and influence analysis
/// (exact Shapley over 8 players, sampled over 16, with and without the smallest-change search).
/// </summary>
[MemoryDiagnoser]
public class StagesBenchmarks
{
    private readonly CompromiseModel compromise = new();
    private readonly NashBargainingModel nash = new();
    private Scenario staged = null!;
    private Scenario eight = null!;
    private Scenario sixteen = null!;

    [Params(10, 100, 1000)]
    public int Actors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = SyntheticScenarios.Create(Actors, 10);
        var ids = scenario.Actors.Select(a => a.Id).ToArray();
        staged = scenario with
        {
            Stages =
            [
                new Stage { Id = "few", Name = "Few", Participants = [.. ids.Take(Math.Max(2, Actors / 10))], Issues = ["i0", "i1", "i2"] },
                new Stage { Id = "half", Name = "Half", Participants = [.. ids.Take(Actors / 2)] },
                new Stage { Id = "all", Name = "All", Participants = [.. ids] },
            ],
        };
        eight = SyntheticScenarios.Create(8, 7);
        sixteen = SyntheticScenarios.Create(16, 7);
    }

    [Benchmark(Baseline = true)]
    public StagedResult StagedCompromise() => StagedForecaster.Run(staged, compromise, ModelOptions.Default);

    [Benchmark]
    public StagedResult StagedNash() => StagedForecaster.Run(staged, nash, ModelOptions.Default);

    [Benchmark]
    public InfluenceResult InfluenceExact8() =>
        InfluenceAnalysis.Run(eight, compromise, ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false });

    [Benchmark]
    public InfluenceResult InfluenceSampled16() =>
        InfluenceAnalysis.Run(sixteen, compromise, ModelOptions.Default, InfluenceOptions.Default with { SearchSmallestChange = false, Permutations = 200 });

    [Benchmark]
    public InfluenceResult InfluenceWithSearch8() =>
        InfluenceAnalysis.Run(eight, compromise, ModelOptions.Default, InfluenceOptions.Default);
}

using Parley.Core.Backtesting;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Backtesting;

public sealed class BacktesterFailureTests
{
    /// <summary>A model that throws on scenarios whose id starts with "bad".</summary>
    private sealed class FragileModel : IModel
    {
        public ModelInfo Info { get; } = new("fragile", "Fragile", "none", "Throws on some cases.");

        public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default) =>
            scenario.Id.StartsWith("bad", StringComparison.Ordinal)
                ? throw new InvalidOperationException("cannot handle this")
                : new CompromiseModel().Run(scenario, options, cancellationToken) with { Model = Info };
    }

    [Fact]
    public void Run_ModelThrowsOnOneCase_ScoresTheOthersAndReportsTheFailure()
    {
        var cases = new[] { "good1", "bad2", "good3" }.Select(id =>
        {
            var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (100, 1, 1));
            scenario = scenario with { Id = id, Issues = [scenario.Issues[0] with { Outcome = 40 }] };
            return new BacktestCase(id, scenario, id);
        }).ToArray();

        var result = Backtester.Run(cases, [new BacktestModel(new FragileModel(), ModelOptions.Default), new BacktestModel(new CompromiseModel(), ModelOptions.Default)]);

        Assert.Equal(2, result.Models[0].Count);
        Assert.Equal(1, result.Models[0].Failures);
        Assert.Equal("case bad2: InvalidOperationException: cannot handle this", result.Models[0].FirstFailure);
        Assert.Equal(3, result.Models[1].Count);
        Assert.Equal(0, result.Models[1].Failures);
    }
}

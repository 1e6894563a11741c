namespace Parley.Application.Tests;

/// <summary>The long analyses report their steps to an <see cref="IProgress{T}"/> and, cancelled, keep what finished.</summary>
public sealed class ProgressTests
{
    private static readonly ScenarioSource Alaska = ScenarioSource.FileOrBuiltIn(null);

    [Fact]
    public void Forecast_ReportsEachModel_UpToTotalSteps()
    {
        var plan = ParleyApplication.PlanForecast(new ForecastRequest { Scenario = Alaska, Models = new ModelRequest { Models = "compromise,median,nash" } }).Value!;
        var seen = new List<long>();

        var run = plan.Run(new Recorder(seen.Add));

        Assert.Equal(3, plan.TotalSteps);
        Assert.Equal([1, 2, 3], seen);
        Assert.False(run.Partial);
        Assert.Equal(3, run.Results.Length);
    }

    [Fact]
    public void Forecast_CancelledAfterTheFirstModel_KeepsItMarkedPartial()
    {
        var plan = ParleyApplication.PlanForecast(new ForecastRequest { Scenario = Alaska, Models = new ModelRequest { Models = "compromise,exchange,nash" } }).Value!;
        using var cancellation = new CancellationTokenSource();

        var run = plan.Run(new Recorder(_ => cancellation.Cancel()), cancellation.Token);

        Assert.True(run.Partial);
        Assert.Equal(3, run.Requested);
        Assert.Equal("compromise", Assert.Single(run.Results).Model.Id);
    }

    [Fact]
    public void Forecast_CancelledBeforeAnyModel_Throws()
    {
        var plan = ParleyApplication.PlanForecast(new ForecastRequest { Scenario = Alaska, Models = new ModelRequest { Models = "exchange" } }).Value!;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => plan.Run(null, cancellation.Token));
    }

    [Fact]
    public void Influence_ReportsShapleyThenEachIssue_AndCancelledKeepsTheIssuesSearched()
    {
        var plan = ParleyApplication.PlanInfluence(new InfluenceRequest { Scenario = Alaska, Models = new ModelRequest { Models = "compromise" } }).Value!;
        var seen = new List<long>();
        var whole = plan.Run(new Recorder(seen.Add));
        Assert.Equal(7, plan.TotalSteps);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], seen);
        Assert.False(whole.Partial);

        using var cancellation = new CancellationTokenSource();
        var partial = plan.Run(new Recorder(done => { if (done == 2) { cancellation.Cancel(); } }), cancellation.Token);

        Assert.True(partial.Partial);
        Assert.Equal(whole.Issues.Take(2).Select(i => i.IssueId), partial.Issues.Select(i => i.IssueId));
        Assert.Equal(whole.Issues[1].Actors.Select(a => a.Shapley), partial.Issues[1].Actors.Select(a => a.Shapley));
    }

    [Fact]
    public void Influence_ReportsItsCoalitionRunsThenItsSearches_BesideTheIssues()
    {
        var plan = ParleyApplication.PlanInfluence(new InfluenceRequest { Scenario = Alaska, Models = new ModelRequest { Models = "compromise" } }).Value!;
        var issues = new List<long>();
        var phases = new System.Collections.Concurrent.ConcurrentQueue<Core.Influence.InfluenceProgress>();

        plan.Run(new Recorder(issues.Add), new Recorder<Core.Influence.InfluenceProgress>(phases.Enqueue));

        // Five players, so exact Shapley values over all 2^5 coalitions; the compromise model reads every
        // stance's position, salience and capability.
        var players = plan.Scenario.Stances.Select(s => s.ActorId).Distinct().Count();
        Assert.Equal(
            [(Core.Influence.InfluencePhase.Coalitions, 1L << players), (Core.Influence.InfluencePhase.Searches, 3L * plan.Scenario.Stances.Length)],
            phases.Select(p => (p.Phase, p.Total)).Distinct());
        Assert.All(phases.GroupBy(p => p.Phase), phase => Assert.Equal(phase.First().Total, phase.Max(p => p.Done)));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], issues);
    }

    [Fact]
    public void Report_ReportsEachPartAsAPhase_InOrder_AndItsStepsUpToTotalSteps()
    {
        var plan = ParleyApplication.PlanReport(new ReportRequest { Scenario = Alaska, Models = new ModelRequest { Models = "compromise,median" }, Draws = 40, Stages = true }).Value!;
        var steps = new System.Collections.Concurrent.ConcurrentQueue<long>();
        var phases = new System.Collections.Concurrent.ConcurrentQueue<PhaseCount>();

        plan.Run(new Recorder(steps.Enqueue), new Recorder<PhaseCount>(phases.Enqueue));

        // Every part counts in its own unit, starting at 0 (a report's influence analysis searches no smallest
        // changes; Alaska records outcomes, so the track record is scored).
        string[] units = ["models run", "staged models run", "draws", "sensitivity runs", "coalition runs", "draws scored"];
        Assert.Equal(units, phases.Select(p => p.Unit).Distinct());
        Assert.All(phases.GroupBy(p => p.Unit), phase =>
        {
            Assert.Equal(0, phase.First().Done);
            Assert.Equal(phase.First().Total, phase.Max(p => p.Done));
        });
        Assert.Equal(plan.Forecast.TotalSteps, phases.First(p => p.Unit == "models run").Total);
        Assert.Equal(plan.MonteCarlo!.TotalSteps, phases.First(p => p.Unit == "draws").Total);
        Assert.Equal(plan.TotalSteps, steps.Max());
    }

    [Fact]
    public void Report_CancelledInAPart_Throws()
    {
        var plan = ParleyApplication.PlanReport(new ReportRequest { Scenario = Alaska, Models = new ModelRequest { Models = "compromise" }, Draws = 1_000_000 }).Value!;
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            plan.Run(null, new Recorder<PhaseCount>(p => { if (p.Unit == "draws" && p.Done >= 10) { cancellation.Cancel(); } }), cancellation.Token));
    }

    [Fact]
    public void Backtest_ReportsEveryCase()
    {
        var folder = Directory.CreateTempSubdirectory("parley-progress-").FullName;
        try
        {
            for (var i = 0; i < 4; i++)
            {
                File.WriteAllText(Path.Combine(folder, $"case{i}.yaml"), $$"""
                    id: case{{i}}
                    title: Case {{i}}
                    actors:
                      - { id: a, name: A, capability: 1 }
                      - { id: b, name: B, capability: 3 }
                    issues:
                      - { id: x, name: X, outcome: {{40 + i}} }
                    stances:
                      - { actor: a, issue: x, position: 10, salience: 1 }
                      - { actor: b, issue: x, position: 90, salience: 0.5 }

                    """);
            }

            var plan = ParleyApplication.PlanBacktest(new BacktestRequest { Inputs = [folder], Models = new ModelRequest { Models = "compromise,median" }, Mode = "proposal", CalibrationDraws = 0 }).Value!;
            var seen = new List<long>();
            var run = plan.Run(new Recorder(done => { lock (seen) { seen.Add(done); } }));

            Assert.Equal(4, plan.TotalSteps);
            Assert.Equal([1, 2, 3, 4], seen.Order());
            Assert.Equal(4, run.Modes[0].Result.IssuesWithOutcome);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Calls back on the reporting thread (<see cref="Progress{T}"/> would post to a context).</summary>
    private class Recorder<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private sealed class Recorder(Action<long> report) : Recorder<long>(report);
}

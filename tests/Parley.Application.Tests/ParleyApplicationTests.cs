using Parley.Core.Models;

namespace Parley.Application.Tests;

public sealed class ParleyApplicationTests : IDisposable
{
    private const string Header = "prnrnmc\tisnrnmc\tprnr\tprname\tisnr\ttype\tcouncil\tproc\tcounvte\tintro\tfinact\tpcom\tpep\tpde\tplu\tscom\tsep\tsde\tslu\trp\tout";

    private readonly string folder = Directory.CreateTempSubdirectory("parley-app-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Forecast_BuiltInScenario_RunsEveryModelInCatalogOrder()
    {
        var outcome = ParleyApplication.Forecast(new ForecastRequest());

        Assert.True(outcome.Succeeded);
        Assert.Equal(ModelCatalog.All.Select(m => m.Info.Id), outcome.Value!.Results.Select(r => r.Model.Id));
        Assert.All(outcome.Value.Results, r => Assert.Equal(7, r.Issues.Length));
    }

    [Fact]
    public void Backtest_BuiltInScenarioAsText_NamesTheDataSetAsABacktestOfItsFileDoes()
    {
        // The server backtests the built-in scenario from its text; runs rerun backtests the stored file alaska-2025.yaml.
        var file = Path.Combine(folder, BuiltInScenarios.AlaskaFileName);
        File.WriteAllText(file, BuiltInScenarios.AlaskaText());
        var models = new ModelRequest { Models = "compromise" };

        var fromText = ParleyApplication.PlanBacktest(new BacktestRequest { Texts = [ScenarioSource.BuiltIn(null)], Models = models, CalibrationDraws = 0 }).Value!.Run(null);
        var fromFile = ParleyApplication.PlanBacktest(new BacktestRequest { Inputs = [file], Models = models, CalibrationDraws = 0 }).Value!.Run(null);

        Assert.Equal("alaska-2025.yaml", fromText.Dataset);
        Assert.Equal(fromFile.Dataset, fromText.Dataset);
        Assert.Equal(fromFile.Data.Select(d => (d.Name, d.Sha256)), fromText.Data.Select(d => (d.Name, d.Sha256)));
    }

    [Fact]
    public void Forecast_Staged_ReturnsStagedResultsOnly()
    {
        var run = ParleyApplication.Forecast(new ForecastRequest { Models = new ModelRequest { Models = "compromise" }, Stages = true }).Value!;

        Assert.True(run.IsStaged);
        Assert.Empty(run.Results);
        Assert.Equal(3, Assert.Single(run.Staged).Stages.Length);
    }

    [Fact]
    public void Forecast_TextWithErrors_ReturnsLocatedDiagnosticsNamedAsTheUpload()
    {
        var outcome = ParleyApplication.Forecast(new ForecastRequest { Scenario = ScenarioSource.FromText("Actor,Capability,Position,Salience\nA,-1,0,0.5\n", "upload.csv") });

        Assert.False(outcome.Succeeded);
        Assert.Contains(outcome.Diagnostics, d => d.ToString().StartsWith("upload.csv:2:", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanForecast_BadBlocsAndFormat_AreErrors()
    {
        Assert.StartsWith("--blocs 'fused' is not allowed", Assert.Single(ParleyApplication.PlanForecast(new ForecastRequest { Blocs = "fused" }).Errors), StringComparison.Ordinal);
        Assert.StartsWith("--format 'word' is not a known format", Assert.Single(ParleyApplication.PlanForecast(new ForecastRequest { Scenario = ScenarioSource.BuiltIn("word") }).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_DeuDataSetWithoutProposal_ListsTheProposalsInsteadOfLumpingThem()
    {
        var path = WriteDeu();

        var outcome = ParleyApplication.PlanForecast(new ForecastRequest { Scenario = ScenarioSource.FromFile(path) });

        var error = Assert.Single(outcome.Errors);
        Assert.Contains("is a DEU data set of 2 proposals (3 issues), each a separate negotiation; choose one with --proposal ID", error, StringComparison.Ordinal);
        Assert.Contains("COD-1    2 issues  first directive", error, StringComparison.Ordinal);
        Assert.Contains("CNS-2    1 issue   second regulation", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_DeuDataSetWithProposal_RunsOnlyThatProposalsIssues()
    {
        var path = WriteDeu();

        var run = ParleyApplication.Forecast(new ForecastRequest { Scenario = ScenarioSource.FromFile(path) with { Proposal = "cod-1" }, Models = new ModelRequest { Models = "exchange" } }).Value!;

        Assert.Equal(["d1i1", "d1i2"], run.Scenario.Issues.Select(i => i.Id));
        Assert.Equal(["d1i1", "d1i2"], Assert.Single(run.Results).Issues.Select(i => i.IssueId));
    }

    [Fact]
    public void Forecast_UnknownProposal_SuggestsTheNearestAndListsAll()
    {
        var outcome = ParleyApplication.PlanForecast(new ForecastRequest { Scenario = ScenarioSource.FromFile(WriteDeu()) with { Proposal = "COD-2" } });

        Assert.StartsWith("--proposal COD-2 is not a proposal of", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_ProposalOnAScenarioOfOneNegotiation_IsAnError()
    {
        var outcome = ParleyApplication.PlanForecast(new ForecastRequest { Scenario = ScenarioSource.BuiltIn() with { Proposal = "x" } });

        Assert.Contains("holds one negotiation", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_EveryBadEditIsReportedAtOnce()
    {
        var outcome = ParleyApplication.WhatIf(new WhatIfRequest { Settings = ["nobody.ceasefire.position=1", "usa.ceasefire.salience=7"], AddStages = ["broken"] });

        Assert.False(outcome.Succeeded);
        Assert.Equal(3, outcome.Errors.Length);
    }

    [Fact]
    public void WhatIf_MovingAnActor_ChangesItsIssueOnly()
    {
        var run = ParleyApplication.WhatIf(new WhatIfRequest { Models = new ModelRequest { Models = "compromise" }, Settings = ["usa.ceasefire.position=0"] }).Value!;

        var rows = Assert.Single(run.Comparisons).Rows;
        Assert.Equal(["ceasefire"], rows.Where(r => r.Changed).Select(r => r.IssueId).Distinct());
    }

    [Fact]
    public void PlanInfluence_ReportsEveryBadValueAtOnce()
    {
        var outcome = ParleyApplication.PlanInfluence(new InfluenceRequest { Shift = double.NaN, Samples = 0, ExactLimit = 21, Issues = ["nowhere"] });

        Assert.Equal(4, outcome.Errors.Length);
    }

    [Fact]
    public void MonteCarlo_ReportsProgressAndStopsOnCancellation()
    {
        var plan = ParleyApplication.PlanMonteCarlo(new UncertaintyRequest { Draws = 2000, Threads = 1, Models = new ModelRequest { Models = "compromise", AllowSeveral = false } }).Value!;
        var progress = new LastValue();

        var complete = plan.Run(progress);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var partial = plan.Run(null, cancelled.Token);

        Assert.Equal(2000, plan.TotalSteps);
        Assert.Equal(2000, complete.Draws);
        Assert.Equal(2000, progress.Value);
        Assert.True(partial.Partial);
    }

    [Theory]
    [InlineData(0, "--draws 0 is not allowed; use 1 to 1,000,000,000")]
    [InlineData(-1, "--draws -1 is not allowed; use 1 to 1,000,000,000")]
    public void PlanMonteCarlo_DrawsOutOfRange_IsAnError(int draws, string expected)
    {
        Assert.Equal(expected, Assert.Single(ParleyApplication.PlanMonteCarlo(new UncertaintyRequest { Draws = draws }).Errors));
    }

    [Fact]
    public void PlanSensitivity_OneModelOnly()
    {
        var outcome = ParleyApplication.PlanSensitivity(new UncertaintyRequest { Models = new ModelRequest { Models = "compromise,nash" } });

        Assert.StartsWith("--model takes one model id here", Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_DeuFile_ScoresEachIssueWithAnOutcomeInBothModes()
    {
        var run = ParleyApplication.Backtest(new BacktestRequest { Inputs = [WriteDeu()], Models = new ModelRequest { Models = "compromise,median" } }).Value!;

        Assert.Equal(["proposal", "issue"], run.Modes.Select(m => m.ModeName));
        Assert.All(run.Modes, m => Assert.Equal(3, m.Result.IssuesWithOutcome));
        Assert.Equal([2, 3], run.Modes.Select(m => m.Result.Cases));
        Assert.Equal("equal", run.CapabilityLabel);
    }

    private string WriteDeu()
    {
        var path = Path.Combine(folder, "deu.tsv");
        File.WriteAllText(path, string.Join("\n",
            Header,
            "1\t1\tCOD-1\tfirst directive\td1i1\tDir\tAgri\tCOD\tQMV\t26-01-00\t999\t100\t0\t40\t20\t50\t80\t20\t60\t0\t60",
            "1\t2\tCOD-1\tfirst directive\td1i2\tDir\tAgri\tCOD\tQMV\t26-01-00\t999\t50\t100\t70\t10\t100\t100\t40\t30\t0\t40",
            "2\t1\tCNS-2\tsecond regulation\td2i1\tReg\tGeneral\tCNS\tUnan\t14-03-99\t999\t10\t90\t30\t20\t40\t60\t50\t50\t100\t70") + "\n");
        return path;
    }

    private sealed class LastValue : IProgress<long>
    {
        public long Value { get; private set; }

        public void Report(long value) => Value = Math.Max(Value, value);
    }
}

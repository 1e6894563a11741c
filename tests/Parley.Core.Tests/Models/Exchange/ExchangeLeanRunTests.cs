using Parley.Core.Models;
using Parley.Core.Models.Exchange;
using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Models.Exchange;

/// <summary>A lean exchange run (Monte Carlo draws, influence re-runs) drops the details, never a bit of the forecasts.</summary>
public sealed class ExchangeLeanRunTests
{
    [Theory]
    [InlineData(8, 3, 1, 0.0)]
    [InlineData(20, 5, 2, 0.0)]
    [InlineData(15, 4, 3, 0.5)]
    public void LeanRun_EqualsFullRun_BitForBit(int actors, int issues, ulong seed, double rexP)
    {
        var scenario = SmpSyntheticScenario.Create(actors, issues, seed);
        var options = ModelOptions.Default.WithParameter("rex-p", rexP.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { Seed = seed };

        var full = new ExchangeModel().Run(scenario, options);
        var lean = new ExchangeModel().Run(scenario, options with { Lean = true });

        Assert.IsType<ExchangeDetails>(full.Details);
        Assert.Null(lean.Details);
        Assert.Equal(full.RoundsRun, lean.RoundsRun);
        Assert.Equal(full.Converged, lean.Converged);
        Assert.Equal(
            full.Issues.Select(f => (f.IssueId, BitConverter.DoubleToInt64Bits(f.Forecast), string.Join(",", f.Positions.Select(p => $"{p.ActorId}={BitConverter.DoubleToInt64Bits(p.Position)}")))),
            lean.Issues.Select(f => (f.IssueId, BitConverter.DoubleToInt64Bits(f.Forecast), string.Join(",", f.Positions.Select(p => $"{p.ActorId}={BitConverter.DoubleToInt64Bits(p.Position)}")))));
    }
}

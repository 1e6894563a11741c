using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Smp;

namespace Parley.Core.Tests.Models.Smp;

/// <summary>
/// A lean run (<see cref="ModelOptions.Lean"/>, as Monte Carlo draws and influence re-runs make it)
/// keeps no history, but its forecasts, final positions, rounds and convergence must be the full
/// run's, bit for bit.
/// </summary>
public sealed class SmpLeanRunTests
{
    public static TheoryData<int, int, ulong, string, int?> Cases() => new()
    {
        { 7, 3, 1, "Deterministic", null },
        { 12, 2, 5, "Deterministic", null },
        { 27, 6, 9, "Deterministic", null },
        { 30, 3, 7, "Deterministic", 4 },
        { 15, 3, 3, "Stochastic", null },
        { 26, 2, 4, "Stochastic", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LeanRun_EqualsFullRun_BitForBit(int actors, int dimensions, ulong seed, string transitions, int? rounds)
    {
        var scenario = SmpSyntheticScenario.Create(actors, dimensions, seed);
        var options = ModelOptions.Default.WithParameter(SmpParameters.StateTransitionsName, transitions) with { Seed = seed * 31, Rounds = rounds };

        var full = new SmpModel().Run(scenario, options);
        var lean = new SmpModel().Run(scenario, options with { Lean = true });

        AssertSameForecasts(full, lean);
        Assert.IsType<SmpDetails>(full.Details);
        Assert.Null(lean.Details);
    }

    [Fact]
    public void LeanRun_WithVaryingInputs_EqualsFullRun()
    {
        // The stances of a draw move every run; a lean run must follow each exactly (no state
        // carried between runs of the same model instance).
        var model = new SmpModel();
        var baseScenario = SmpSyntheticScenario.Create(20, 3, 21);
        for (var k = 0; k < 8; k++)
        {
            var scenario = baseScenario with
            {
                Stances = [.. baseScenario.Stances.Select((s, index) => index % 5 == k % 5 ? s with { Position = Math.Min(100, s.Position + (7 * k)) } : s)],
            };
            var full = model.Run(scenario, ModelOptions.Default);
            var lean = model.Run(scenario, ModelOptions.Default with { Lean = true });
            AssertSameForecasts(full, lean);
        }
    }

    [Fact]
    public void LeanRun_WithTrace_KeepsEverything()
    {
        var scenario = SmpSyntheticScenario.Create(9, 2, 3);
        var traced = new SmpModel().Run(scenario, ModelOptions.Default with { Lean = true, Trace = true });

        var details = Assert.IsType<SmpDetails>(traced.Details);
        Assert.Equal(traced.RoundsRun + 1, details.History.Length);
        Assert.Equal(traced.RoundsRun, traced.Rounds.Length);
    }

    [Fact]
    public void FullRun_HistoryEndsAtTheForecastPositions()
    {
        var scenario = SmpSyntheticScenario.Create(25, 3, 13);
        var full = new SmpModel().Run(scenario, ModelOptions.Default);
        var details = Assert.IsType<SmpDetails>(full.Details);

        Assert.Equal(full.RoundsRun + 1, details.History.Length);
        Assert.Equal(full.RoundsRun, details.History[^1].Turn);
        foreach (var (issue, d) in details.Dimensions.Select((id, d) => (full.ForIssue(id)!, d)))
        {
            foreach (var position in issue.Positions)
            {
                Assert.Equal(details.History[^1].Positions[position.ActorId][d], position.Position);
            }
        }
    }

    private static void AssertSameForecasts(ModelResult full, ModelResult lean)
    {
        Assert.Equal(full.RoundsRun, lean.RoundsRun);
        Assert.Equal(full.Converged, lean.Converged);
        Assert.Equal(full.Issues.Length, lean.Issues.Length);
        for (var k = 0; k < full.Issues.Length; k++)
        {
            Assert.Equal(full.Issues[k].IssueId, lean.Issues[k].IssueId);
            Assert.Equal(BitConverter.DoubleToInt64Bits(full.Issues[k].Forecast), BitConverter.DoubleToInt64Bits(lean.Issues[k].Forecast));
            Assert.Equal(
                full.Issues[k].Positions.Select(p => (p.ActorId, BitConverter.DoubleToInt64Bits(p.Position))),
                lean.Issues[k].Positions.Select(p => (p.ActorId, BitConverter.DoubleToInt64Bits(p.Position))));
        }
    }
}

using CsCheck;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Models;

public sealed class TemperedCompromiseModelTests
{
    private static double Forecast(IModel model, Scenario scenario, ModelOptions? options = null) =>
        model.Run(scenario, options ?? ModelOptions.Default).Issues.Single().Forecast;

    private static ModelOptions Exponents(double capability, double salience) => ModelOptions.Default
        .WithParameter("capability_exponent", capability.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithParameter("salience_exponent", salience.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Recommended_IsInTheCatalog()
    {
        Assert.IsType<TemperedCompromiseModel>(ModelCatalog.Find("recommended"));
    }

    [Fact]
    public void SquareRootCapabilityAndNoSalience_WeighsBySquareRoots()
    {
        // weights sqrt(4)=2 and sqrt(16)=4, saliences ignored: (2*0 + 4*90) / 6 = 60.
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 0.1, 4), (90, 0.9, 16));

        Assert.Equal(60, Forecast(new TemperedCompromiseModel(), scenario, Exponents(0.5, 0)), 12);
    }

    [Fact]
    public void ExponentsOne_EqualsTheCompromiseModel()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 0.5, 10), (50, 1, 20), (100, 0.25, 40));

        Assert.Equal(Forecast(new CompromiseModel(), scenario), Forecast(new TemperedCompromiseModel(), scenario, Exponents(1, 1)), 12);
    }

    [Fact]
    public void Defaults_AreTheSelectionProceduresChoice_TheCompromiseModel()
    {
        // The procedure kept the compromise on the DEU III development file (DeuDevDataTests checks
        // that choice against these defaults when the file is present).
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 0.1, 4), (90, 0.9, 16));

        Assert.Equal(Forecast(new CompromiseModel(), scenario), Forecast(new TemperedCompromiseModel(), scenario), 12);
    }

    [Fact]
    public void ZeroCapability_KeepsWeightZero()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 0), (80, 1, 1));

        Assert.Equal(80, Forecast(new TemperedCompromiseModel(), scenario), 12);
    }

    [Theory]
    [InlineData("salience_exponent", "-0.5")]
    [InlineData("capability_exponent", "NaN")]
    [InlineData("capability_exponent", "5")]
    [InlineData("salience_exponent", "high")]
    public void BadExponent_ThrowsModelOptionExceptionNamingTheOption(string name, string value)
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 1, 1), (80, 1, 1));

        var error = Assert.Throws<ModelOptionException>(() => new TemperedCompromiseModel().Run(scenario, ModelOptions.Default.WithParameter(name, value)));
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CalibrationGrid_HasTwentyFiveDistinctConfigurationsIncludingTheCompromise()
    {
        var grid = TemperedCompromiseModel.CalibrationGrid;

        Assert.Equal(25, grid.Length);
        Assert.Equal(25, grid.Select(o => string.Join(",", o.Parameters)).Distinct().Count());
        Assert.Contains(grid, o => o.Parameters["capability_exponent"] == "1" && o.Parameters["salience_exponent"] == "1");
    }

    [Fact]
    public void Forecast_StaysWithinThePositionsAndIgnoresActorOrder()
    {
        var actor = Gen.Select(Gen.Double[0, 100], Gen.Double[0, 1], Gen.Double[0, 1000]);
        Gen.Select(actor.Array[1, 8], Gen.Double[0, 2], Gen.Double[0, 2]).Sample((actors, capability, salience) =>
        {
            var options = Exponents(capability, salience);
            var forward = Forecast(new TemperedCompromiseModel(), TestScenarios.OneIssue(0, 100, null, actors), options);
            var backward = Forecast(new TemperedCompromiseModel(), TestScenarios.OneIssue(0, 100, null, [.. actors.Reverse()]), options);
            var low = actors.Min(a => a.Item1);
            var high = actors.Max(a => a.Item1);
            return forward >= low - 1e-9 && forward <= high + 1e-9 && Math.Abs(forward - backward) < 1e-9;
        });
    }
}

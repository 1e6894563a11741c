using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Tests.Models;

public sealed class BaselineModelTests
{
    private static double Forecast(IModel model, Parley.Core.Domain.Scenario scenario, ModelOptions? options = null) =>
        model.Run(scenario, options ?? ModelOptions.Default).Issues.Single().Forecast;

    [Fact]
    public void Compromise_ThreeActors_ReturnsWeightedMean()
    {
        // weights 0.5*10=5, 1*20=20, 0.25*40=10 -> (5*0 + 20*50 + 10*100) / 35 = 2000/35
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 0.5, 10), (50, 1, 20), (100, 0.25, 40));
        Assert.Equal(2000.0 / 35, Forecast(new CompromiseModel(), scenario), 12);
    }

    [Fact]
    public void Compromise_AllSaliencesZero_ReturnsPlainMean()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 0, 10), (30, 0, 20), (90, 0, 40));
        Assert.Equal(40, Forecast(new CompromiseModel(), scenario), 12);
    }

    [Fact]
    public void Median_WeightedMajorityAtOneEnd_ReturnsThatPosition()
    {
        // weights 5, 20, 10: half of 35 is 17.5, reached at the actor at 50.
        var scenario = TestScenarios.OneIssue(0, 100, null, (0, 0.5, 10), (50, 1, 20), (100, 0.25, 40));
        Assert.Equal(50, Forecast(new MedianModel(), scenario));
    }

    [Fact]
    public void Median_ExactHalf_TakesLowerPosition()
    {
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 1, 1), (80, 1, 1));
        Assert.Equal(20, Forecast(new MedianModel(), scenario));
    }

    [Fact]
    public void Nash_TwoEqualActorsNoStatusQuo_SplitsTheDifferenceWhenSymmetric()
    {
        // Symmetric positions on a symmetric scale: the solution is the midpoint.
        var scenario = TestScenarios.OneIssue(0, 100, null, (20, 1, 1), (80, 1, 1));
        Assert.Equal(50, Forecast(new NashBargainingModel(), scenario), 9);
    }

    [Fact]
    public void Nash_LinearUtilityWithStatusQuo_MatchesHandSolution()
    {
        // d = 0, actors at 40 (weight 1) and 100 (weight 1). Feasible: (0, 80).
        // On (40, 80): gains are (40 - (x - 40)) = 80 - x and x. Max x(80 - x) -> x = 40.
        // On (0, 40): gains x and x -> increasing. So x = 40.
        var scenario = TestScenarios.OneIssue(0, 100, 0, (40, 1, 1), (100, 1, 1));
        Assert.Equal(40, Forecast(new NashBargainingModel(), scenario), 9);
    }

    [Fact]
    public void Nash_QuadraticUtilityWithStatusQuo_MatchesHandSolution()
    {
        // d = 0, ideals 40 and 100, weights 1 and 2, scale width 100 (work in units of the width).
        // gain1 = 0.16 - (x-0.4)^2 = x(0.8 - x); gain2 = 1 - (x-1)^2 = x(2 - x).
        // d/dx [log x + log(0.8-x) + 2 log x + 2 log(2-x)] = 3/x - 1/(0.8-x) - 2/(2-x) = 0
        // -> 3(0.8-x)(2-x) - x(2-x) - 2x(0.8-x) = 0 -> 6x^2 - 12x + 4.8 = 0 -> x = 1 - sqrt(0.2) (the root inside (0, 0.8)).
        var scenario = TestScenarios.OneIssue(0, 100, 0, (40, 1, 1), (100, 1, 2));
        var options = ModelOptions.Default.WithParameter("utility", "quadratic");
        Assert.Equal(100 * (1 - Math.Sqrt(0.2)), Forecast(new NashBargainingModel(), scenario, options), 9);
    }

    [Fact]
    public void Nash_ActorsOnBothSidesOfStatusQuo_ForecastsStatusQuo()
    {
        var scenario = TestScenarios.OneIssue(0, 100, 50, (20, 1, 1), (80, 1, 1));
        Assert.Equal(50, Forecast(new NashBargainingModel(), scenario));
    }

    [Fact]
    public void Nash_UnknownUtility_ThrowsOptionError()
    {
        var scenario = TestScenarios.OneIssue(0, 100, 50, (20, 1, 1), (80, 1, 1));
        var error = Assert.Throws<ModelOptionException>(() =>
            new NashBargainingModel().Run(scenario, ModelOptions.Default.WithParameter("utility", "cubic")));
        Assert.Contains("linear, quadratic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_FindsModelsByIdIgnoringCase()
    {
        Assert.IsType<NashBargainingModel>(ModelCatalog.Find("NASH"));
        Assert.Null(ModelCatalog.Find("oracle"));
    }
}

using Parley.Core.Models;

namespace Parley.Application.Tests;

public sealed class ModelChoiceTests
{
    private static Outcome<ModelSetup> Resolve(string models, params ParameterSetting[] parameters) =>
        ModelChoice.Resolve(new ModelRequest { Models = models, Parameters = [.. parameters] });

    [Fact]
    public void Resolve_MistypedParameter_NamesTheModelSuggestsTheNameAndListsWhatItTakes()
    {
        var outcome = Resolve("nash", new ParameterSetting("utilty", "quadratic"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            "model 'nash' has no parameter 'utilty'; did you mean 'utility'? nash takes: utility (linear|quadratic, default linear)",
            Assert.Single(outcome.Errors));
    }

    [Theory]
    [InlineData("eum", "bogus", "1", "model 'eum' has no parameter 'bogus'")]
    [InlineData("nash", "utility", "NaN", "option utility: 'NaN' is not allowed; use one of linear, quadratic")]
    [InlineData("recommended", "salience_exponent", "NaN", "option salience_exponent: 'NaN' is not a number from 0 to 4")]
    [InlineData("exchange", "rex-p", "Infinity", "option rex-p: 'Infinity' is not a number from 0 to 1")]
    [InlineData("smp", "VotingRule", "Majority", "option VotingRule: 'Majority' is not allowed; use one of Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp")]
    [InlineData("compromise", "utility", "linear", "model 'compromise' has no parameter 'utility'; compromise takes no options")]
    public void Resolve_BadParameter_IsAnErrorSayingWhatIsAllowed(string model, string name, string value, string expected)
    {
        var outcome = Resolve(model, new ParameterSetting(name, value));

        Assert.False(outcome.Succeeded);
        Assert.StartsWith(expected, Assert.Single(outcome.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FlagOnAModelWithoutIt_NamesTheFlag()
    {
        var outcome = Resolve("compromise", new ParameterSetting("variant", "foo", "--variant"), new ParameterSetting("rex-p", "0.3", "--rex-p"));

        Assert.Equal(
            ["model 'compromise' has no option --variant; compromise takes no options", "model 'compromise' has no option --rex-p; compromise takes no options"],
            outcome.Errors.ToArray());
    }

    [Fact]
    public void Resolve_SeveralModels_ParameterTakenByOneOfThemIsAllowedAndChecked()
    {
        var ok = Resolve("all", new ParameterSetting("utility", "quadratic"));
        var bad = Resolve("compromise,nash", new ParameterSetting("utility", "cubic"));
        var nobody = Resolve("compromise,median", new ParameterSetting("utility", "quadratic"));

        Assert.True(ok.Succeeded);
        Assert.Equal("quadratic", ok.Value!.Options.Parameters["utility"]);
        Assert.Equal("option utility: 'cubic' is not allowed; use one of linear, quadratic", Assert.Single(bad.Errors));
        Assert.StartsWith("none of the chosen models (compromise, median) has parameter 'utility'", Assert.Single(nobody.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, "--rounds must be 1 or more and at most 10,000; 0 is not allowed")]
    [InlineData(10_001, null, "--rounds must be 1 or more and at most 10,000; 10001 is not allowed")]
    [InlineData(int.MaxValue, null, "--rounds must be 1 or more and at most 10,000; 2147483647 is not allowed")]
    [InlineData(null, 0.0, "--tolerance must be a finite number above 0 (on the issue's scale); 0 is not allowed")]
    [InlineData(null, double.NaN, "--tolerance must be a finite number above 0 (on the issue's scale); NaN is not allowed")]
    [InlineData(null, -1.0, "--tolerance must be a finite number above 0 (on the issue's scale); -1 is not allowed")]
    public void Resolve_RoundsOrToleranceOutOfRange_IsAnError(int? rounds, double? tolerance, string expected)
    {
        var outcome = ModelChoice.Resolve(new ModelRequest { Models = "exchange", Rounds = rounds, Tolerance = tolerance });

        Assert.Equal(expected, Assert.Single(outcome.Errors));
    }

    [Fact]
    public void Resolve_RoundsOnAStaticModel_IsAnErrorButAllowedWithADynamicOne()
    {
        var staticOnly = ModelChoice.Resolve(new ModelRequest { Models = "compromise", Rounds = 3 });
        var mixed = ModelChoice.Resolve(new ModelRequest { Models = "compromise,eum", Rounds = 3 });
        var smpTolerance = ModelChoice.Resolve(new ModelRequest { Models = "smp", Tolerance = 0.1 });

        Assert.StartsWith("model 'compromise' does not take --rounds; compromise takes no options (--rounds is for smp, eum, exchange)", Assert.Single(staticOnly.Errors), StringComparison.Ordinal);
        Assert.Equal(3, mixed.Value!.Options.Rounds);
        Assert.StartsWith("model 'smp' does not take --tolerance", Assert.Single(smpTolerance.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oracle", "unknown model 'oracle'; use one of compromise, median, nash, smp, eum, exchange, pivot, power-compromise, recommended or all")]
    [InlineData("nahs", "unknown model 'nahs'; use one of compromise, median, nash, smp, eum, exchange, pivot, power-compromise, recommended or all (did you mean 'nash'?)")]
    [InlineData(" , ", "--model is empty; use one or more of compromise, median, nash, smp, eum, exchange, pivot, power-compromise, recommended or all")]
    public void Resolve_BadModelList_SaysWhatIsAllowed(string models, string expected)
    {
        Assert.Equal(expected, Assert.Single(Resolve(models).Errors));
    }

    [Fact]
    public void Resolve_RepeatedModel_RunsOnce()
    {
        Assert.Equal(["nash", "eum"], Resolve("nash,eum,nash").Value!.Models.Select(m => m.Info.Id));
    }

    [Fact]
    public void Resolve_AliasOfAChoice_IsAccepted()
    {
        Assert.True(Resolve("smp", new ParameterSetting("VotingRule", "Proportional")).Succeeded);
    }

    [Fact]
    public void EveryModel_DescribesValidDefaults()
    {
        foreach (var model in ModelCatalog.All)
        {
            foreach (var option in model.Options.Where(o => o.IsParameter && o.Default is not null))
            {
                Assert.Null(option.Check(option.Default!));
            }
        }
    }
}

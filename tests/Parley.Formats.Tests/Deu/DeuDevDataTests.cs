using System.Globalization;
using Parley.Core.Backtesting;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;
using Parley.Formats.Deu;
using Parley.Tests.Shared;
using Xunit.Abstractions;

namespace Parley.Formats.Tests.Deu;

/// <summary>The DEU III development file in ../shared/reference/deu3 (never copied into the repository).</summary>
public sealed class DeuDevDataTests(ITestOutputHelper output)
{
    private static string DevFile => ReferenceData.PathOf("deu3/deu3-dev.tsv");

    [ReferenceTheory]
    [ReferenceInlineData(DeuCapability.Equal)]
    [ReferenceInlineData(DeuCapability.Gdp)]
    [ReferenceInlineData(DeuCapability.Votes)]
    public void DevFile_ReadsEveryRowWithoutProblems(DeuCapability capability)
    {
        var dataset = DeuReader.ReadDatasetFile(DevFile, capability);

        Assert.True(dataset.Succeeded, string.Join("\n", dataset.Diagnostics.Take(5)));
        Assert.NotEmpty(dataset.Rows);
        Assert.All(dataset.Rows, r => Assert.Single(r.Scenario.Issues));
        Assert.Equal(
            File.ReadLines(DevFile).Skip(2).Count(l => !string.IsNullOrWhiteSpace(l)),
            dataset.Rows.Length);
    }

    [ReferenceTheory]
    [ReferenceInlineData(DeuCapability.Equal)]
    [ReferenceInlineData(DeuCapability.Gdp)]
    [ReferenceInlineData(DeuCapability.Votes)]
    public void DevFile_RecommendedBeatsCompromiseInSampleAndInCrossValidation(DeuCapability capability)
    {
        var cases = DeuReader.ReadDatasetFile(DevFile, capability).ToBacktestCases();
        var models = ModelCatalog.All.Select(m => new BacktestModel(m, ModelOptions.Default)).ToArray();

        var result = Backtester.Run(cases, models);
        var grid = TemperedCompromiseModel.CalibrationGrid.Select(o => new BacktestModel(new TemperedCompromiseModel(), o)).ToArray();
        var crossValidated = CrossValidation.GroupedKFold(cases, grid, 10);

        foreach (var model in result.Models)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{capability} {model.Model,-12} n={model.Count} mae={model.MeanAbsoluteError:F2} median={model.MedianAbsoluteError:F2} within10={model.Within10:F3} vs={model.MeanErrorVsCompromise:F2}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cv mae={crossValidated.MeanAbsoluteError:F2} chosen={string.Join(' ', crossValidated.ChosenPerFold.Select(i => grid[i].Describe()))} in-sample best={grid[crossValidated.InSampleBest].Describe()} {crossValidated.CandidateMeanAbsoluteErrors[crossValidated.InSampleBest]:F2}"));
        var compromise = result.Models.Single(m => m.Model == "compromise");
        var recommended = result.Models.Single(m => m.Model == "recommended");
        Assert.Equal(cases.Length, compromise.Count);
        Assert.True(recommended.MeanAbsoluteError < compromise.MeanAbsoluteError);
        Assert.True(recommended.MeanErrorVsCompromise < 0);
        Assert.Equal(0, compromise.MeanErrorVsCompromise, 12);
        Assert.True(crossValidated.MeanAbsoluteError < compromise.MeanAbsoluteError + 0.5);
    }
}

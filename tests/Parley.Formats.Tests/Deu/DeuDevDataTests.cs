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
    [ReferenceInlineData(BacktestMode.Proposal)]
    [ReferenceInlineData(BacktestMode.Issue)]
    public void DevFile_RecommendedShipsWhatTheSelectionProcedureChoosesOnIt(BacktestMode mode)
    {
        // The shipped defaults of 'recommended' must be the documented procedure's choice on the
        // development file (equal capabilities), not a hand-picked configuration.
        var cases = BacktestCase.For(DeuReader.ReadDatasetFile(DevFile, DeuCapability.Equal).ToBacktestCases(), mode);
        var selection = CrossValidation.Nested(cases, RecommendedSelection.Candidates);
        var chosen = RecommendedSelection.Candidates[selection.FullData.Chosen];
        var shipped = new BacktestModel(new TemperedCompromiseModel(), ModelOptions.Default);

        var result = Backtester.Run(cases, [chosen, shipped]);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode}: chosen {RecommendedSelection.Describe(selection.FullData.Chosen)}, lowest training MAE {RecommendedSelection.Describe(selection.FullData.Best)}, inner gain {selection.FullData.InnerGain?.Estimate:F2} [{selection.FullData.InnerGain?.Low:F2}, {selection.FullData.InnerGain?.High:F2}]; nested CV MAE {selection.MeanAbsoluteError:F2}"));
        Assert.Equal(result.Models[0].Errors.Select(e => e.Forecast), result.Models[1].Errors.Select(e => e.Forecast));
        Assert.Equal(10, selection.FoldChoices.Length);
        Assert.Equal(result.Models[0].Count, selection.Count);
    }
}

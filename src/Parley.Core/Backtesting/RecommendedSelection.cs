using System.Collections.Immutable;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Backtesting;

/// <summary>
/// The candidates the <c>recommended</c> model is chosen from by the selection procedure of
/// <see cref="CrossValidation"/>: the plain compromise model first (the baseline the procedure
/// keeps unless a gain holds up), then the tempered compromises of
/// <see cref="TemperedCompromiseModel.CalibrationGrid"/>.
/// </summary>
public static class RecommendedSelection
{
    /// <summary>The candidates, baseline first.</summary>
    public static ImmutableArray<BacktestModel> Candidates { get; } =
    [
        new(new CompromiseModel(), ModelOptions.Default),
        .. TemperedCompromiseModel.CalibrationGrid.Select(o => new BacktestModel(new TemperedCompromiseModel(), o)),
    ];

    /// <summary>Candidate <paramref name="index"/> as <c>model</c> or <c>model (name=value,…)</c>.</summary>
    public static string Describe(int index)
    {
        var candidate = Candidates[index];
        var options = candidate.Describe();
        return options.Length == 0 ? candidate.Id : $"{candidate.Id} ({options})";
    }
}

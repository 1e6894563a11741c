using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Staging;

namespace Parley.Core.WhatIf;

/// <summary>Lines up a what-if's staged forecast against the baseline's, per stage and issue, then the final forecast.</summary>
public static class ForecastComparison
{
    /// <summary>A move smaller than this fraction of the issue's scale width counts as no change (rounding noise).</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Rows for every stage of either run (baseline order, then stages only the what-if has) and every
    /// issue of <paramref name="scenario"/> forecast at that stage by either, then one final row per issue.
    /// </summary>
    /// <param name="scenario">The baseline scenario (for issue order and scale widths).</param>
    /// <param name="baseline">The baseline's staged forecast.</param>
    /// <param name="variant">The what-if's staged forecast.</param>
    public static ImmutableArray<ComparisonRow> Compare(Scenario scenario, StagedResult baseline, StagedResult variant)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(variant);
        var rows = ImmutableArray.CreateBuilder<ComparisonRow>();
        var stageIds = baseline.Stages.Select(s => s.Stage.Id)
            .Concat(variant.Stages.Select(s => s.Stage.Id))
            .Distinct(StringComparer.Ordinal);
        foreach (var stageId in stageIds)
        {
            var before = baseline.ForStage(stageId)?.Result;
            var after = variant.ForStage(stageId)?.Result;
            foreach (var issue in scenario.Issues)
            {
                var row = Row(stageId, issue, before?.ForIssue(issue.Id)?.Forecast, after?.ForIssue(issue.Id)?.Forecast);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }

        foreach (var issue in scenario.Issues)
        {
            var row = Row(null, issue, baseline.ForIssue(issue.Id)?.Forecast, variant.ForIssue(issue.Id)?.Forecast);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        return rows.ToImmutable();
    }

    private static ComparisonRow? Row(string? stageId, Issue issue, double? before, double? after)
    {
        if (before is null && after is null)
        {
            return null;
        }

        var changed = before is not { } b || after is not { } a || Math.Abs(a - b) > RelativeTolerance * issue.ScaleWidth;
        return new ComparisonRow(stageId, issue.Id, before, after, changed);
    }
}

using System.Collections.Immutable;
using Parley.Core.Models;

namespace Parley.Core.Staging;

/// <summary>The outcome of a negotiation run stage by stage.</summary>
public sealed record StagedResult
{
    /// <summary>The caller's model (stages may name their own; see <see cref="StageResult.Model"/>).</summary>
    public required ModelInfo Model { get; init; }

    /// <summary>Every stage's result, in the order the stages ran.</summary>
    public required ImmutableArray<StageResult> Stages { get; init; }

    /// <summary>
    /// The final forecast per issue, in scenario order: the forecast of the last stage that had the
    /// issue on its table with at least one stance on it. Issues no stage forecast are absent.
    /// </summary>
    public required ImmutableArray<IssueForecast> Final { get; init; }

    /// <summary>The final forecast for <paramref name="issueId"/>, or <c>null</c> if no stage made one.</summary>
    public IssueForecast? ForIssue(string issueId) => Final.FirstOrDefault(f => f.IssueId == issueId);

    /// <summary>The result of the stage with id <paramref name="stageId"/>, or <c>null</c>.</summary>
    public StageResult? ForStage(string stageId) => Stages.FirstOrDefault(s => s.Stage.Id == stageId);
}

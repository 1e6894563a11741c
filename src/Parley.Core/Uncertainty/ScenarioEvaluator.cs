using System.Collections.Immutable;
using Parley.Core.Models;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Evaluates a draw with any <see cref="IModel"/>: builds the draw's scenario and runs the model
/// on it with the draw's own seed.
/// </summary>
internal sealed class ScenarioEvaluator(IModel model, ScenarioSampler sampler, ModelOptions options, ImmutableArray<string> issueIds) : IDrawEvaluator
{
    public DrawOutcome Evaluate(ReadOnlySpan<double> values, ulong modelSeed, Span<double> forecasts, CancellationToken cancellationToken)
    {
        var result = model.Run(sampler.Apply(values), options with { Seed = modelSeed, Lean = true }, cancellationToken);
        for (var k = 0; k < issueIds.Length; k++)
        {
            var forecast = k < result.Issues.Length && string.Equals(result.Issues[k].IssueId, issueIds[k], StringComparison.Ordinal)
                ? result.Issues[k]
                : result.ForIssue(issueIds[k]);
            forecasts[k] = forecast?.Forecast
                ?? throw new InvalidOperationException($"model '{model.Info.Id}' made no forecast for issue '{issueIds[k]}' in one draw although it did at the estimates");
        }

        return new DrawOutcome(result.RoundsRun, result.Converged);
    }
}

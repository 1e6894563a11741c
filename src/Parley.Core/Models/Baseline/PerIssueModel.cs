using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Models.Baseline;

/// <summary>
/// Base of the static models that forecast each issue on its own from the stances on it.
/// Issues nobody takes a stance on get no forecast.
/// </summary>
public abstract class PerIssueModel : IModel
{
    /// <inheritdoc />
    public abstract ModelInfo Info { get; }

    /// <inheritdoc />
    public virtual ImmutableArray<ModelOptionDescription> Options => [];

    /// <inheritdoc />
    public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
    {
        var prepared = Prepare(options);
        var forecasts = ImmutableArray.CreateBuilder<IssueForecast>(scenario.Issues.Length);
        foreach (var issue in scenario.Issues)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stances = scenario.StancesOn(issue.Id);
            if (stances.IsEmpty)
            {
                continue;
            }

            forecasts.Add(new IssueForecast { IssueId = issue.Id, Forecast = ForecastIssue(issue, stances.AsSpan(), prepared) });
        }

        return new ModelResult { Model = Info, Issues = forecasts.ToImmutable() };
    }

    /// <summary>Calls <see cref="Prepare"/>, for callers in the core (Monte Carlo) that call <see cref="ForecastIssue"/> directly.</summary>
    internal object? PrepareOptions(ModelOptions options) => Prepare(options);

    /// <summary>Reads and checks the model's options once per run; the result is passed to <see cref="ForecastIssue"/>.</summary>
    protected virtual object? Prepare(ModelOptions options) => null;

    /// <summary>The forecast for one issue with at least one stance.</summary>
    protected internal abstract double ForecastIssue(Issue issue, ReadOnlySpan<IssueStance> stances, object? prepared);
}

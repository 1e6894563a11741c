using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Models;
using Parley.Core.Models.Baseline;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Evaluates a draw with a static per-issue model without building a scenario: fills reused
/// <see cref="IssueStance"/> buffers from the draw's values and calls the model's per-issue
/// forecast directly. Gives the same numbers as <see cref="ScenarioEvaluator"/> (the stances are
/// assembled exactly as <see cref="Scenario.StancesOn"/> does), with no allocation per draw.
/// </summary>
internal sealed class PerIssueEvaluator : IDrawEvaluator
{
    private readonly PerIssueModel model;
    private readonly object? prepared;
    private readonly Issue[] issues;
    private readonly Entry[][] entries;
    private readonly IssueStance[][] buffers;

    public PerIssueEvaluator(PerIssueModel model, ScenarioSampler sampler, ModelOptions options, ImmutableArray<string> issueIds)
    {
        this.model = model;
        prepared = model.PrepareOptions(options);
        var scenario = sampler.Scenario;
        var stanceIndex = new Dictionary<(string, string), int>();
        for (var s = 0; s < scenario.Stances.Length; s++)
        {
            stanceIndex.TryAdd((scenario.Stances[s].ActorId, scenario.Stances[s].IssueId), s);
        }

        issues = new Issue[issueIds.Length];
        entries = new Entry[issueIds.Length][];
        buffers = new IssueStance[issueIds.Length][];
        for (var k = 0; k < issueIds.Length; k++)
        {
            issues[k] = scenario.FindIssue(issueIds[k])!;
            var list = new List<Entry>();
            for (var a = 0; a < scenario.Actors.Length; a++)
            {
                var actor = scenario.Actors[a];
                if (!stanceIndex.TryGetValue((actor.Id, issueIds[k]), out var s))
                {
                    continue;
                }

                var stance = scenario.Stances[s];
                var (position, salience, capability) = sampler.StanceInputs(s);
                var capabilitySlot = stance.Capability is { } own
                    ? new Slot(capability, own)
                    : new Slot(sampler.ActorCapabilityInput(a), actor.Capability ?? 1.0);
                list.Add(new Entry(actor.Id, new Slot(position, stance.Position), new Slot(salience, stance.Salience), capabilitySlot));
            }

            entries[k] = [.. list];
            buffers[k] = new IssueStance[list.Count];
        }
    }

    public DrawOutcome Evaluate(ReadOnlySpan<double> values, ulong modelSeed, Span<double> forecasts, CancellationToken cancellationToken)
    {
        for (var k = 0; k < issues.Length; k++)
        {
            var issueEntries = entries[k];
            var buffer = buffers[k];
            for (var i = 0; i < issueEntries.Length; i++)
            {
                var entry = issueEntries[i];
                buffer[i] = new IssueStance(entry.ActorId, entry.Position.Read(values), entry.Salience.Read(values), entry.Capability.Read(values));
            }

            forecasts[k] = model.ForecastIssue(issues[k], buffer, prepared);
        }

        return new DrawOutcome(0, null);
    }

    /// <summary>Where a number comes from: input <see cref="Input"/> of the draw, or the constant when the input is fixed (−1).</summary>
    private readonly record struct Slot(int Input, double Constant)
    {
        public double Read(ReadOnlySpan<double> values) => Input >= 0 ? values[Input] : Constant;
    }

    private readonly record struct Entry(string ActorId, Slot Position, Slot Salience, Slot Capability);
}

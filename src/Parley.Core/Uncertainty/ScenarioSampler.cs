using System.Collections.Immutable;
using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Uncertainty;

/// <summary>
/// Draws the uncertain inputs of a scenario and builds the scenario of one draw. Built once per
/// run; <see cref="Draw"/> and <see cref="Apply"/> are then thread-safe (the sampler is immutable).
/// </summary>
/// <remarks>
/// <para>Inputs, in this order: each actor's capability (actor order), then for each stance (file
/// order) its position, its salience and its own capability if it has one. An input varies when
/// it has a range (<see cref="Stance.PositionRange"/>, <see cref="Stance.SalienceRange"/>,
/// <see cref="Actor.CapabilityRange"/>) or, failing that, a non-zero default spread; inputs whose
/// interval has no width are held at their estimate and are not listed.</para>
/// <para>Own ranges are drawn uniformly on [low, high], or from a normal with mean the estimate
/// and the given standard deviation truncated to [low, high]. Default spreads are drawn uniformly
/// on estimate ± spread. Every interval is first truncated to the valid range: the issue's scale
/// for positions, 0–1 for saliences, [0, ∞) for capabilities.</para>
/// <para>Each input consumes exactly one uniform of the draw's stream (inversion sampling), so
/// the stream's use is the same whatever values come out.</para>
/// </remarks>
public sealed class ScenarioSampler
{
    private readonly UncertainInput[] inputs;
    private readonly InputDraw[] draws;
    private readonly int[] actorCapabilityInput;
    private readonly int[] stancePositionInput;
    private readonly int[] stanceSalienceInput;
    private readonly int[] stanceCapabilityInput;

    /// <summary>Lists the uncertain inputs of <paramref name="scenario"/> under <paramref name="spread"/>.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="spread">The default spread for inputs without their own range.</param>
    /// <exception cref="ArgumentException"><paramref name="spread"/> is not valid (each half-width 0–1).</exception>
    public ScenarioSampler(Scenario scenario, DefaultSpread spread)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(spread);
        if (!spread.IsValid)
        {
            throw new ArgumentException("each default spread must be a number from 0 to 1", nameof(spread));
        }

        Scenario = scenario;
        Spread = spread;
        var list = new List<UncertainInput>();
        actorCapabilityInput = new int[scenario.Actors.Length];
        for (var a = 0; a < scenario.Actors.Length; a++)
        {
            var actor = scenario.Actors[a];
            actorCapabilityInput[a] = actor.Capability is { } capability
                ? Add(list, Capability(actor.Id, null, capability, actor.CapabilityRange, spread.Capability))
                : -1;
        }

        var issues = new Dictionary<string, Issue>(StringComparer.Ordinal);
        foreach (var issue in scenario.Issues)
        {
            issues.TryAdd(issue.Id, issue);
        }

        var stanceCount = scenario.Stances.Length;
        stancePositionInput = new int[stanceCount];
        stanceSalienceInput = new int[stanceCount];
        stanceCapabilityInput = new int[stanceCount];
        for (var s = 0; s < stanceCount; s++)
        {
            var stance = scenario.Stances[s];
            var (scaleMin, scaleMax) = issues.TryGetValue(stance.IssueId, out var issue)
                ? (issue.ScaleMin, issue.ScaleMax)
                : (stance.Position, stance.Position);
            stancePositionInput[s] = Add(list, Input(
                UncertainInputKind.Position, stance.ActorId, stance.IssueId, stance.Position, stance.PositionRange,
                spread.Position * (scaleMax - scaleMin), scaleMin, scaleMax));
            stanceSalienceInput[s] = Add(list, Input(
                UncertainInputKind.Salience, stance.ActorId, stance.IssueId, stance.Salience, stance.SalienceRange,
                spread.Salience, 0, 1));
            stanceCapabilityInput[s] = stance.Capability is { } capability
                ? Add(list, Capability(stance.ActorId, stance.IssueId, capability, null, spread.Capability))
                : -1;
        }

        inputs = [.. list];
        Inputs = [.. list];
        draws = new InputDraw[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            draws[i] = input.StandardDeviation is { } sd
                ? new InputDraw(input.Low, input.High, input.Estimate, sd,
                    NormalDistribution.Cdf((input.Low - input.Estimate) / sd), NormalDistribution.Cdf((input.High - input.Estimate) / sd))
                : new InputDraw(input.Low, input.High, input.Estimate, 0, 0, 0);
        }
    }

    /// <summary>The scenario at its estimates.</summary>
    public Scenario Scenario { get; }

    /// <summary>The default spread in force.</summary>
    public DefaultSpread Spread { get; }

    /// <summary>The inputs that vary, in draw order (see the class remarks).</summary>
    public ImmutableArray<UncertainInput> Inputs { get; }

    /// <summary>How many inputs vary: the length of a draw's value vector.</summary>
    public int InputCount => inputs.Length;

    /// <summary>Fills <paramref name="values"/> (length <see cref="InputCount"/>) with one draw, one uniform of <paramref name="random"/> per input.</summary>
    public void Draw(ref Xoshiro256StarStar random, Span<double> values)
    {
        if (values.Length != inputs.Length)
        {
            throw new ArgumentException($"values must have length {inputs.Length}", nameof(values));
        }

        for (var i = 0; i < draws.Length; i++)
        {
            ref readonly var draw = ref draws[i];
            var uniform = random.NextOpenDouble();
            values[i] = draw.StandardDeviation > 0
                ? NormalDistribution.SampleTruncated(uniform, draw.Estimate, draw.StandardDeviation, draw.Low, draw.High, draw.CdfLow, draw.CdfHigh)
                : draw.Low + (uniform * (draw.High - draw.Low));
        }
    }

    /// <summary>Fills <paramref name="values"/> with every input's estimate.</summary>
    public void Estimates(Span<double> values)
    {
        for (var i = 0; i < inputs.Length; i++)
        {
            values[i] = inputs[i].Estimate;
        }
    }

    /// <summary>The scenario with every uncertain input set to <paramref name="values"/> (in <see cref="Inputs"/> order).</summary>
    public Scenario Apply(ReadOnlySpan<double> values)
    {
        if (values.Length != inputs.Length)
        {
            throw new ArgumentException($"values must have length {inputs.Length}", nameof(values));
        }

        var actors = Scenario.Actors;
        var actorBuilder = ImmutableArray.CreateBuilder<Actor>(actors.Length);
        var actorsChanged = false;
        for (var a = 0; a < actors.Length; a++)
        {
            var index = actorCapabilityInput[a];
            actorBuilder.Add(index >= 0 ? actors[a] with { Capability = values[index] } : actors[a]);
            actorsChanged |= index >= 0;
        }

        var stances = Scenario.Stances;
        var stanceBuilder = ImmutableArray.CreateBuilder<Stance>(stances.Length);
        for (var s = 0; s < stances.Length; s++)
        {
            var stance = stances[s];
            var capabilityIndex = stanceCapabilityInput[s];
            stanceBuilder.Add(stance with
            {
                Position = stancePositionInput[s] >= 0 ? values[stancePositionInput[s]] : stance.Position,
                Salience = stanceSalienceInput[s] >= 0 ? values[stanceSalienceInput[s]] : stance.Salience,
                Capability = capabilityIndex >= 0 ? values[capabilityIndex] : stance.Capability,
            });
        }

        return Scenario with
        {
            Actors = actorsChanged ? actorBuilder.MoveToImmutable() : actors,
            Stances = stanceBuilder.MoveToImmutable(),
        };
    }

    /// <summary>The input index of actor <paramref name="actorIndex"/>'s capability, or −1 when it is fixed.</summary>
    internal int ActorCapabilityInput(int actorIndex) => actorCapabilityInput[actorIndex];

    /// <summary>The input indices of stance <paramref name="stanceIndex"/>'s position, salience and own capability (−1 when fixed).</summary>
    internal (int Position, int Salience, int Capability) StanceInputs(int stanceIndex) =>
        (stancePositionInput[stanceIndex], stanceSalienceInput[stanceIndex], stanceCapabilityInput[stanceIndex]);

    /// <summary>What drawing one input needs, packed for the hot loop; StandardDeviation 0 means uniform.</summary>
    private readonly record struct InputDraw(double Low, double High, double Estimate, double StandardDeviation, double CdfLow, double CdfHigh);

    private static int Add(List<UncertainInput> list, UncertainInput? input)
    {
        if (input is null)
        {
            return -1;
        }

        list.Add(input);
        return list.Count - 1;
    }

    private static UncertainInput? Capability(string actorId, string? issueId, double estimate, ValueRange? range, double spread) =>
        Input(UncertainInputKind.Capability, actorId, issueId, estimate, range, spread * Math.Abs(estimate), 0, double.MaxValue);

    private static UncertainInput? Input(
        UncertainInputKind kind, string actorId, string? issueId, double estimate, ValueRange? range,
        double defaultHalfWidth, double validMin, double validMax)
    {
        var (low, high) = range is null ? (estimate - defaultHalfWidth, estimate + defaultHalfWidth) : (range.Low, range.High);
        low = Math.Clamp(low, validMin, validMax);
        high = Math.Clamp(high, validMin, validMax);
        if (!(high > low))
        {
            return null;
        }

        var sd = range?.StandardDeviation is { } given && given > 0 ? given : (double?)null;
        return new UncertainInput
        {
            Kind = kind,
            ActorId = actorId,
            IssueId = issueId,
            Estimate = estimate,
            Low = low,
            High = high,
            StandardDeviation = sd,
            FromDefaultSpread = range is null,
        };
    }
}

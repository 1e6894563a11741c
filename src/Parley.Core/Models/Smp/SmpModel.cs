using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Models.Smp;

/// <summary>
/// KTAB's Spatial Model of Politics: actors hold positions in several dimensions at once (each
/// <see cref="Issue"/> is a dimension), estimate each other's chances through coalition-weighted
/// votes, challenge the target most advantageous to them, settle by interpolated bargains, and
/// repeat until positions settle.
/// </summary>
/// <remarks>
/// <para>Source: Wise, Lee et al., KAPSARC Toolkit for Behavioral Analysis (KTAB) v1.4, MIT licence,
/// <c>examples/smp/libsrc/smp.cpp</c>, <c>smpbcn.cpp</c> and <c>KTAB/kmodel/libsrc/kmodel.cpp</c>; the
/// model is described in Wise, B. et al. (2015), "KTAB: A Toolkit for Behavioral Analysis",
/// KAPSARC discussion paper, and in <c>docs/models/smp.md</c> with every equation.</para>
/// <para>Each turn: (1) a capability-weighted, risk-neutral probabilistic Condorcet election over
/// the positions gives risk attitudes <c>R_i</c>; (2) each actor i picks the target j with the
/// largest expected gain in its own view, the contest's odds coming from the principals' and
/// third parties' votes; (3) i proposes the S2P2 interpolation of the two positions, weighted
/// <c>s²P²</c> per dimension and rounded to 4 decimals; (4) every actor's queue (status quo plus the
/// bargains it is party to) is resolved by a capability-weighted election, the most probable
/// bargain winning; (5) ideals follow positions. The run stops at turn 100, or from turn 2 when
/// the movement <c>Σ_i ‖x_i(t) − x_i(t−1)‖</c> falls below 2% of the first turn's (plus 10⁻⁴).</para>
/// <para>Options: the nine KTAB parameters by KTAB's names (see <see cref="SmpParameters"/>);
/// <see cref="ModelOptions.Rounds"/> runs exactly that many turns instead of KTAB's stopping rule;
/// <see cref="ModelOptions.Seed"/> seeds stochastic transitions. The forecast per issue is the
/// probability-weighted mean of the distinct final positions; <see cref="SmpDetails"/> gives the
/// most probable one, every distinct final position's probability, and the whole history.</para>
/// <para>Where Parley departs from KTAB: positions are normalised per issue from the issue's scale
/// (KTAB files use 0–100, which is the same); an actor without a stance on any issue (a delegation
/// member its bloc speaks for) is not an actor of the run; an actor without a stance on one issue has
/// salience 0 there, starts at the status quo (else mid-scale), and its coordinate there counts in
/// that issue's forecast only through positions it shares with actors that have a stance there
/// (<c>docs/models/smp.md</c>, "Actors without a stance"); an actor whose saliences are all 0 is
/// indifferent to every position; when every position is equally likely all actors are taken as
/// risk-neutral (KTAB divides by zero); stochastic draws come from Parley's seeded generator.</para>
/// </remarks>
public sealed class SmpModel : IModel
{
    private const int MaxTurns = 100;
    private const int MinTurns = 2;
    private const double MinDeltaRatio = 0.02;
    private const double MinSignificantDelta = 1e-4;

    /// <inheritdoc />
    public ModelInfo Info { get; } = new(
        "smp",
        "Spatial Model of Politics (KTAB SMP)",
        "Wise et al. (2015), KTAB: A Toolkit for Behavioral Analysis, KAPSARC; KTAB v1.4 smp/smpbcn/kmodel",
        "Multi-dimensional challenges and interpolated bargains until positions settle; probability of each final position.");

    /// <inheritdoc />
    public ImmutableArray<ModelOptionDescription> Options { get; } =
        [ModelOptionDescription.Rounds($"until positions settle (KTAB's rule), at most {MaxTurns}"), .. SmpParameters.Descriptions];

    /// <summary>No: each actor has one capability on every dimension, its actor's (KTAB's model); a stance's own is not read.</summary>
    public bool ReadsStanceCapability => false;

    /// <inheritdoc />
    public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var parameters = SmpParameters.From(scenario, options);
        ModelOptionRules.ThrowIfInvalid(options);

        var issues = scenario.Issues.Where(i => !scenario.StancesOn(i.Id).IsEmpty).ToImmutableArray();

        // Only actors with a stance bargain: a delegation member or any other actor without a
        // stance on any dimension is no party to the talks (its bloc speaks for it), not an actor
        // sitting at the status quo.
        var actors = scenario.Actors.Where(a => issues.Any(i => scenario.FindStance(a.Id, i.Id) is not null)).ToImmutableArray();
        var n = actors.Length;
        var dims = issues.Length;
        if (n == 0 || dims == 0)
        {
            return new ModelResult { Model = Info, Issues = [], RoundsRun = 0, Converged = true };
        }

        // Capabilities above 2^64 would overflow the coalitions' sums; only their ratios matter there.
        var capabilityFactor = CapabilityBound.FactorFor(scenario);
        var capability = new double[n];
        var salience = new double[n * dims];
        var positions = new double[n * dims];
        var hasStance = new bool[n * dims];
        for (var a = 0; a < n; a++)
        {
            capability[a] = (actors[a].Capability ?? 1.0) * capabilityFactor;
            for (var d = 0; d < dims; d++)
            {
                var issue = issues[d];
                var stance = scenario.FindStance(actors[a].Id, issue.Id);
                var position = stance?.Position ?? issue.StatusQuo ?? (issue.ScaleMin + (issue.ScaleWidth / 2));
                positions[(a * dims) + d] = (position - issue.ScaleMin) / issue.ScaleWidth;
                salience[(a * dims) + d] = stance?.Salience ?? 0.0;
                hasStance[(a * dims) + d] = stance is not null;
            }
        }

        var engine = new SmpEngine(capability, salience, dims, parameters);
        // A lean run (Monte Carlo draws, influence re-runs) keeps only the first two states (for the
        // stopping rule's reference movement) and the last two, and no turn records.
        var lean = options.Lean && !options.Trace;
        var initial = engine.Start(positions);
        SmpState? afterFirst = null;
        var current = initial;
        var states = lean ? null : new List<SmpState> { initial };
        var steps = lean ? null : new List<SmpStep>();
        var changes = lean ? null : new List<double>();
        var converged = false;
        var turns = 0;
        var maxTurns = options.Rounds ?? MaxTurns;
        for (var turn = 1; ; turn++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = engine.Step(current, turn, options.Seed, options.Trace, cancellationToken);
            steps?.Add(step);
            engine.Release(current);
            var previous = current;
            current = step.Next;
            states?.Add(current);
            afterFirst ??= current;
            turns = turn;
            var first = engine.StateDistance(initial, afterFirst) + MinSignificantDelta;
            var change = engine.StateDistance(previous, current) / first;
            changes?.Add(change);
            var quiet = turn >= MinTurns && change < MinDeltaRatio;
            if (turn >= maxTurns || (options.Rounds is null && quiet))
            {
                converged = quiet;
                break;
            }
        }

        var mapping = new Mapping(actors, issues, hasStance);
        var final = mapping.TurnState(current, turns);
        var expected = mapping.Expected(final);
        var forecasts = ImmutableArray.CreateBuilder<IssueForecast>(dims);
        for (var d = 0; d < dims; d++)
        {
            forecasts.Add(new IssueForecast
            {
                IssueId = issues[d].Id,
                Forecast = expected[d],
                Positions = [.. actors.Where((_, a) => hasStance[(a * dims) + d]).Select(a => new ActorPosition(a.Id, final.Positions[a.Id][d]))],
            });
        }

        if (states is null || steps is null || changes is null)
        {
            return new ModelResult
            {
                Model = Info,
                Issues = forecasts.MoveToImmutable(),
                RoundsRun = turns,
                Converged = converged,
            };
        }

        var history = states.Select((s, t) => t == turns ? final : mapping.TurnState(s, t)).ToImmutableArray();
        var ordered = final.UniquePositions.OrderByDescending(u => u.Probability).ToImmutableArray();
        var rounds = options.Trace
            ? [.. steps.Select((step, index) => mapping.Round(step, history[index + 1], changes[index]))]
            : ImmutableArray<RoundTrace>.Empty;

        return new ModelResult
        {
            Model = Info,
            Issues = forecasts.ToImmutable(),
            Rounds = rounds,
            RoundsRun = steps.Count,
            Converged = converged,
            Details = new SmpDetails
            {
                Parameters = parameters.ToNamedValues().ToImmutableSortedDictionary(StringComparer.Ordinal),
                Dimensions = [.. issues.Select(i => i.Id)],
                History = history,
                FinalPositions = ordered,
                MostProbablePosition = ordered[0].Position,
                ExpectedPosition = expected,
            },
        };
    }

    /// <summary>Turns the engine's normalised arrays into ids and issue scales.</summary>
    /// <param name="actors">The bargaining actors, in engine order.</param>
    /// <param name="issues">The dimensions, in engine order.</param>
    /// <param name="hasStance">Per actor and dimension (actor-major), whether the actor takes a stance there.</param>
    private sealed class Mapping(ImmutableArray<Actor> actors, ImmutableArray<Issue> issues, bool[] hasStance)
    {
        private readonly Dictionary<string, int> ordinals = actors.Select((a, i) => KeyValuePair.Create(a.Id, i)).ToDictionary(StringComparer.Ordinal);

        private int Dims => issues.Length;

        public ImmutableArray<double> Point(ReadOnlySpan<double> normalised)
        {
            var builder = ImmutableArray.CreateBuilder<double>(Dims);
            for (var d = 0; d < Dims; d++)
            {
                builder.Add(issues[d].ScaleMin + (normalised[d] * issues[d].ScaleWidth));
            }

            return builder.MoveToImmutable();
        }

        public SmpTurnState TurnState(SmpState state, int turn)
        {
            var positions = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<double>>(StringComparer.Ordinal);
            var probabilities = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
            for (var a = 0; a < actors.Length; a++)
            {
                positions[actors[a].Id] = Point(state.Positions.AsSpan(a * Dims, Dims));
                probabilities[actors[a].Id] = state.ActorProbability[a];
            }

            var unique = ImmutableArray.CreateBuilder<SmpPositionProbability>(state.UniqueIndices.Length);
            for (var u = 0; u < state.UniqueIndices.Length; u++)
            {
                var holders = Enumerable.Range(0, actors.Length).Where(a => state.ActorUnique[a] == u).Select(a => actors[a].Id);
                unique.Add(new SmpPositionProbability(
                    Point(state.Positions.AsSpan(state.UniqueIndices[u] * Dims, Dims)),
                    state.UniqueProbability[u],
                    [.. holders]));
            }

            return new SmpTurnState(turn, positions.ToImmutable(), probabilities.ToImmutable(), unique.MoveToImmutable());
        }

        /// <summary>
        /// The forecast per dimension: the probability-weighted mean of the distinct positions held
        /// by at least one actor with a stance on that dimension, probabilities renormalised over
        /// them. A position held only by actors without a stance there says nothing about that
        /// issue (its coordinate is the status-quo placeholder or a partner's point it adopted).
        /// </summary>
        public ImmutableArray<double> Expected(SmpTurnState state)
        {
            var sums = new double[Dims];
            var mass = new double[Dims];
            var plain = new double[Dims];
            var held = new int[Dims];
            foreach (var unique in state.UniquePositions)
            {
                for (var d = 0; d < Dims; d++)
                {
                    if (!unique.Actors.Any(id => hasStance[(ordinals[id] * Dims) + d]))
                    {
                        continue;
                    }

                    sums[d] += unique.Probability * unique.Position[d];
                    mass[d] += unique.Probability;
                    plain[d] += unique.Position[d];
                    held[d]++;
                }
            }

            // When every distinct position counts (every actor has a stance there), the sum is KTAB's
            // expected position as it stands; otherwise the counted probabilities are renormalised.
            var count = state.UniquePositions.Length;
            return [.. sums.Select((x, d) => issues[d].Clamp(
                held[d] == count ? x : mass[d] > 0 ? x / mass[d] : plain[d] / held[d]))];
        }

        public SmpRoundTrace Round(SmpStep step, SmpTurnState after, double change)
        {
            var expected = Expected(after);
            var choices = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (var a = 0; a < actors.Length; a++)
            {
                var bargain = step.Chosen[a];
                choices[actors[a].Id] = bargain.IsStatusQuo
                    ? "status quo"
                    : $"{actors[bargain.Initiator].Id}:{actors[bargain.Receiver].Id}";
            }

            return new SmpRoundTrace
            {
                Round = after.Turn,
                Issues = [.. issues.Select((issue, d) => new IssueOutcome(issue.Id, expected[d]))],
                Challenges = [.. step.Challenges.Select(c => new SmpChallenge(
                    actors[c.Initiator].Id, actors[c.Target].Id, c.Probability, c.Gain, c.TargetViewProbability, c.TargetViewGain))],
                Bargains = [.. step.Bargains.Select(b => new SmpBargain(
                    actors[b.Initiator].Id, actors[b.Receiver].Id, Point(b.InitiatorPosition), Point(b.ReceiverPosition)))],
                Choices = choices.ToImmutable(),
                Positions = after.Positions,
                Probabilities = after.Probabilities,
                Change = change,
            };
        }
    }
}

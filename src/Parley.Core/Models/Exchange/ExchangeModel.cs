using System.Collections.Immutable;
using System.Globalization;
using Parley.Core.Domain;
using Parley.Core.Numerics;

namespace Parley.Core.Models.Exchange;

/// <summary>
/// Stokman &amp; Van Oosten's exchange model: actors trade support across pairs of issues, each
/// giving ground on the issue it values relatively less to win on the one it values more, with
/// equal utility gains for both (the equal-gain exchange), round after round.
/// </summary>
/// <remarks>
/// <para>Stokman &amp; Van Oosten (1994), "The exchange of voting positions: an object-oriented
/// model of policy networks", in Bueno de Mesquita &amp; Stokman (eds.), <i>European Community
/// Decision Making</i>, Yale UP, ch. 7; Stokman, Van der Knoop &amp; Van Oosten (2013), "Modeling
/// collective decision making", in Wittek, Snijders &amp; Nee (eds.), <i>Handbook of Rational
/// Choice Social Research</i>, Stanford UP. Reference implementation: foarsitter/decide-exchange-model
/// (commit 51dee664). Every deviation from it is in <c>docs/models/exchange.md</c>.</para>
/// <para>Per round, with positions rescaled to 0–100 and O_p the capability × salience weighted
/// mean on issue p (D_p = Σ c s): actors i and j are candidates on issues (p, q) when they sit on
/// opposite sides of O on both. The one with the lower s_p/s_q (say i) moves on p towards j,
/// j moves on q towards i. Moving x on p shifts O_p by dO_p = c_ip s_ip |dx| / D_p; equal gain
/// requires dO_q = dO_p (s_ip + s_jp) / (s_iq + s_jq); both gain
/// G = s_jp dO_p − s_jq dO_q. The shifts are the largest that keep each supplier between its
/// position and its partner's and keep O from passing the demanding actor's position. A move is
/// valid when 1e−10 &lt; |dx| ≤ 100, G ≥ 1e−10 and the actor's moves on that issue this round all
/// go the same way. The candidate with the largest G is realised and the others are refreshed;
/// gains are compared to 40 significant bits, and ties go to the candidate listed first (issue
/// pairs p &lt; q in scenario order, then actor pairs in scenario order), or with parameter
/// <c>ties=coin</c> to one of the first two by a seeded coin, as in the reference. The round's voting outcome is the weighted mean of the positions
/// after its exchanges; then each actor that moved keeps part of the move:
/// x' = x + (0.1 + 0.4 (1 − s)) (y − x).</para>
/// <para>Options: <see cref="ModelOptions.Rounds"/> (default 10), <see cref="ModelOptions.Tolerance"/>
/// (stop when no voting outcome moves more than this, on the issue's scale, between rounds),
/// <see cref="ModelOptions.Seed"/>, parameter <c>rex-p</c> (0–1, default 0: REX, randomised
/// equal gain, as the reference computes it) and parameter <c>ties</c> (<c>order</c> or <c>coin</c>). The forecast is the voting outcome after the last round. A round without any
/// exchange is a fixed point, so the run stops there.</para>
/// </remarks>
public sealed class ExchangeModel : IModel
{
    private readonly ExchangeParallelism parallelism;
    private readonly bool skipsSteady;
    private readonly bool inLanes;

    /// <summary>Creates the model; large rounds use all cores (results do not depend on it).</summary>
    public ExchangeModel()
        : this(ExchangeParallelism.Default)
    {
    }

    /// <summary>
    /// Creates the model with the given thread settings and, when <paramref name="skipsSteady"/> is
    /// false, without skipping candidates that cannot change, and when <paramref name="inLanes"/> is
    /// false, evaluating a round's candidates one by one rather than in vector lanes (tests compare
    /// these runs bit for bit).
    /// </summary>
    internal ExchangeModel(ExchangeParallelism parallelism, bool skipsSteady = true, bool inLanes = true)
    {
        this.parallelism = parallelism;
        this.skipsSteady = skipsSteady;
        this.inLanes = inLanes;
    }

    /// <summary>Rounds run when <see cref="ModelOptions.Rounds"/> is not set, as in the reference.</summary>
    public const int DefaultRounds = 10;

    /// <inheritdoc />
    public ModelInfo Info { get; } = new(
        "exchange",
        "Exchange model (Stokman & Van Oosten equal gain)",
        "Stokman & Van Oosten (1994) in European Community Decision Making, ch. 7; decide-exchange-model",
        "Actors trade moves across pairs of issues with equal utility gains, round after round.");

    /// <summary>The <c>rex-p</c> parameter: REX's p (0 = REX, randomised equal gain).</summary>
    public static ModelOptionDescription RexP { get; } = ModelOptionDescription.Number(
        "rex-p", 0, 0, 1, "REX (randomised equal gain): how far an exchange's gain is redrawn, at each computation as in the Decide reference; 0 is plain equal gain (docs/models/exchange.md).");

    /// <summary>The <c>ties</c> parameter: how candidates with equal gains are ordered.</summary>
    public static ModelOptionDescription Ties { get; } = ModelOptionDescription.Choice(
        "ties",
        "order",
        "equal gains (to 12 digits): order = in creation order, the same every run; coin = a coin seeded by --seed picks one of the first two, as the Decide reference does, so that seeds show the spread ties make (docs/models/exchange.md).",
        "order",
        "coin");

    /// <summary>
    /// The <c>boundary</c> parameter, a diagnostic for comparisons with the Decide reference: how an
    /// outcome a demander has seen sitting exactly on it is read.
    /// </summary>
    public static ModelOptionDescription Boundary { get; } = ModelOptionDescription.Choice(
        "boundary",
        "reached",
        "after a cut has landed the outcome a demander has seen on it: reached = the next move towards it is not cut (the Decide reference's rule in exact arithmetic); short = it is cut to nothing (what the reference's Decimal rounding does when it leaves the outcome 1e-26 short); a diagnostic, docs/models/exchange.md.",
        "reached",
        "short");

    /// <inheritdoc />
    public ImmutableArray<ModelOptionDescription> Options { get; } =
    [
        ModelOptionDescription.Rounds(
            DefaultRounds.ToString(CultureInfo.InvariantCulture),
            "Run this many rounds (turns off the convergence stop), unless a round makes no exchange: that is a fixed point, every later round would be the same, and the run ends there."),
        ModelOptionDescription.Tolerance("none: every round runs"),
        RexP,
        Ties,
        Boundary,
    ];

    /// <inheritdoc />
    public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        ModelOptionRules.ThrowIfInvalid(options);
        var rounds = options.Rounds ?? DefaultRounds;

        if (scenario.Actors.Length > ExchangeEngine.MaximumSize || scenario.Issues.Length > ExchangeEngine.MaximumSize)
        {
            throw new ModelOptionException(string.Create(
                CultureInfo.InvariantCulture,
                $"model exchange: {scenario.Actors.Length} actors and {scenario.Issues.Length} issues is too large; the exchange model handles at most {ExchangeEngine.MaximumSize} of each"));
        }

        var rexP = options.GetNumber(RexP);
        // Capabilities above 2^64 would overflow the engine's weight totals, and scales beyond 2^1000
        // its conversion to 0-100; both are scaled by exact powers of two and the results scaled back.
        var scales = PositionScales(scenario);
        var tieCoin = options.GetChoice(Ties) == "coin";
        var engine = new ExchangeEngine(CapabilityBound.Bounded(WithScaledPositions(scenario, scales)), rexP, options.Seed, options.Trace, NestedParallelism.IsOuterWorker ? ExchangeParallelism.Sequential : parallelism, skipsSteady, tieCoin, options.GetChoice(Boundary) == "short", inLanes);
        var issueCount = scenario.Issues.Length;
        var previous = new double[issueCount];
        for (var issue = 0; issue < issueCount; issue++)
        {
            previous[issue] = engine.VotingOutcome(issue);
        }

        var converged = false;
        var roundsRun = 0;
        for (var round = 1; round <= rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exchanges = engine.RunRound(round, cancellationToken);
            roundsRun = round;
            if (exchanges == 0)
            {
                converged = true;
                break;
            }

            var largestChange = 0.0;
            for (var issue = 0; issue < issueCount; issue++)
            {
                var current = engine.VotingOutcome(issue);
                largestChange = Math.Max(largestChange, Math.Abs(current - previous[issue]));
                previous[issue] = current;
            }

            if (options.Tolerance is { } stop && largestChange <= stop)
            {
                converged = true;
                break;
            }
        }

        // A lean run (Monte Carlo draws, influence re-runs) reports the forecasts alone.
        var lean = options.Lean && !options.Trace;
        var forecasts = ImmutableArray.CreateBuilder<IssueForecast>();
        var preferences = ImmutableArray.CreateBuilder<IssueOutcome>();
        for (var issue = 0; issue < issueCount; issue++)
        {
            if (!engine.TakesPart(issue))
            {
                continue;
            }

            var id = scenario.Issues[issue].Id;
            var scale = scales[issue];
            var onScale = scenario.Issues[issue];

            // Clamped: the engine's round trip through 0-100 can leave the scale by a rounding.
            forecasts.Add(new IssueForecast
            {
                IssueId = id,
                Forecast = onScale.Clamp(engine.VotingOutcome(issue) / scale),
                Positions = [.. engine.VotingPositions(issue).Select(p => p with { Position = onScale.Clamp(p.Position / scale) })],
            });
            if (!lean)
            {
                preferences.Add(new IssueOutcome(id, onScale.Clamp(engine.PreferenceOutcome(issue) / scale)));
            }
        }

        if (lean)
        {
            engine.ReleaseBuffers();
            return new ModelResult { Model = Info, Issues = forecasts.ToImmutable(), RoundsRun = roundsRun, Converged = converged };
        }

        var result = new ModelResult
        {
            Model = Info,
            Issues = forecasts.ToImmutable(),
            Rounds = scales.All(f => f == 1.0) ? [.. engine.Rounds] : [.. engine.Rounds.Select(r => Unscaled(r, scenario, scales))],
            RoundsRun = roundsRun,
            Converged = converged,
            Details = new ExchangeDetails
            {
                ExchangesPerRound = [.. engine.ExchangesPerRound],
                Preferences = preferences.ToImmutable(),
                RexP = rexP,
            },
        };
        engine.ReleaseBuffers();
        return result;
    }

    /// <summary>Largest scale end the engine takes as it is; its 0-100 conversion computes (x − min)·100 first.</summary>
    private const double LargestScaleEnd = 1.0715086071862673e301; // 2^1000

    /// <summary>Per issue, the power of two its positions are multiplied by before the engine sees them (1 for ordinary scales).</summary>
    private static double[] PositionScales(Scenario scenario) =>
    [
        .. scenario.Issues.Select(i => Math.Max(Math.Abs(i.ScaleMin), Math.Abs(i.ScaleMax)) is var end && end > LargestScaleEnd
            ? ExactScale.FactorFor(end)
            : 1.0),
    ];

    private static Scenario WithScaledPositions(Scenario scenario, double[] scales)
    {
        if (scales.All(f => f == 1.0))
        {
            return scenario;
        }

        var byIssue = ScalesById(scenario, scales);
        return scenario with
        {
            Issues = [.. scenario.Issues.Select((i, k) => i with { ScaleMin = i.ScaleMin * scales[k], ScaleMax = i.ScaleMax * scales[k], StatusQuo = i.StatusQuo * scales[k] })],
            Stances = [.. scenario.Stances.Select(s => byIssue.TryGetValue(s.IssueId, out var f) && f != 1.0 ? s with { Position = s.Position * f } : s)],
        };
    }

    private static Dictionary<string, double> ScalesById(Scenario scenario, double[] scales) =>
        scenario.Issues.Select((issue, k) => KeyValuePair.Create(issue.Id, scales[k])).ToDictionary(StringComparer.Ordinal);

    private static RoundTrace Unscaled(RoundTrace round, Scenario scenario, double[] scales)
    {
        var byIssue = ScalesById(scenario, scales);
        var trace = (ExchangeRoundTrace)round;
        return trace with
        {
            Issues = [.. trace.Issues.Select(o => o with { Outcome = o.Outcome / byIssue[o.Id] })],
            Exchanges = [.. trace.Exchanges.Select(e => e with
            {
                FirstFrom = e.FirstFrom / byIssue[e.FirstIssue],
                FirstTo = e.FirstTo / byIssue[e.FirstIssue],
                SecondFrom = e.SecondFrom / byIssue[e.SecondIssue],
                SecondTo = e.SecondTo / byIssue[e.SecondIssue],
            })],
        };
    }
}

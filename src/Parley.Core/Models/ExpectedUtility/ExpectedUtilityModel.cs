using System.Collections.Immutable;
using Parley.Core.Domain;

namespace Parley.Core.Models.ExpectedUtility;

/// <summary>
/// Bueno de Mesquita's expected utility model (EUM): round by round, every actor weighs
/// challenging every other; offers of confrontation, compromise or capitulation follow from the
/// receiver's expected utilities, each actor takes one, and all move at once. The forecast is
/// the capability × salience weighted median of the final positions (or the mean).
/// </summary>
/// <remarks>
/// <para>Bueno de Mesquita (1994), "Political forecasting: an expected utility method", in Bueno de
/// Mesquita &amp; Stokman (eds.), <i>European Community Decision Making</i>, Yale UP, ch. 4; in the
/// explicit form of Scholz, Calbert &amp; Smith (2011), "Unravelling Bueno De Mesquita's group
/// decision model", <i>Journal of Theoretical Politics</i> 23(4). Equations, choices and the
/// differences between variants: <c>docs/models/eum.md</c>.</para>
/// <para>Utilities of a challenger at x_i against x_j, evaluated with exponent r:
/// U_s = 2 − 4(0.5 − 0.5|x_i − x_j|/d)^r, U_f = 2 − 4(0.5 + 0.5|x_i − x_j|/d)^r, U_sq = 2 − 4·0.5^r,
/// U_b / U_w = 2 − 4(0.5 ∓ 0.25(|x_i − μ| + |x_i − x_j|)/d)^r. Votes v_k = c_k s_k (U^k(x_i) − U^k(x_j))
/// give P_ij; E^i(U_ij) = s_j[P_ij U_s + (1 − P_ij) U_f] + (1 − s_j) U_s − {Q U_sq + (1 − Q)[T U_b + (1 − T) U_w]}.
/// Risk exponents r_i = (1 − R_i/3)/(1 + R_i/3) with R_i = (2S_i − max S − min S)/(max S − min S) and
/// S_i = Σ_j E^j(U_ji) at r = 1 (R = 0 for all when the S are equal).</para>
/// <para>Parameters: <c>variant</c> = <c>scholz</c> (default) or <c>scholz-code</c>;
/// <c>q</c> in [0, 1], default 1; <c>t</c> in [0, 1], default 0.5 (scholz only);
/// <c>forecast</c> = <c>median</c> (default) or <c>mean</c>. <see cref="ModelOptions.Rounds"/> fixes the
/// number of rounds and turns off the stop rule; otherwise an issue stops once its forecast
/// moves by at most <see cref="ModelOptions.Tolerance"/> (default 10⁻⁴ of the scale width) from one
/// round to the next, or after <see cref="DefaultMaxRounds"/> rounds. Issues run independently.</para>
/// </remarks>
public sealed class ExpectedUtilityModel : IModel
{
    /// <summary>Rounds an issue runs at most when <see cref="ModelOptions.Rounds"/> is not set.</summary>
    public const int DefaultMaxRounds = 100;

    /// <summary>Default stop tolerance as a fraction of the issue's scale width.</summary>
    public const double DefaultRelativeTolerance = 1e-4;

    /// <inheritdoc />
    public ModelInfo Info { get; } = new(
        "eum",
        "Expected utility model (Bueno de Mesquita)",
        "Bueno de Mesquita (1994) in European Community Decision Making; Scholz, Calbert & Smith (2011), J. Theoretical Politics 23(4)",
        "Actors challenge, compromise with or give in to one another round by round by their expected utility of a confrontation.");

    /// <inheritdoc />
    public ModelResult Run(Scenario scenario, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var settings = ReadSettings(options);
        ModelOptionRules.ThrowIfInvalid(options);

        var forecasts = ImmutableArray.CreateBuilder<IssueForecast>(scenario.Issues.Length);
        var summaries = ImmutableArray.CreateBuilder<ExpectedUtilityIssueSummary>(scenario.Issues.Length);
        var rounds = ImmutableArray.CreateBuilder<RoundTrace>();
        var names = options.Trace
            ? scenario.Actors.GroupBy(a => a.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal)
            : ImmutableDictionary<string, string>.Empty;
        var roundsRun = 0;
        var converged = true;
        foreach (var issue in scenario.Issues)
        {
            var stances = scenario.StancesOn(issue.Id);
            if (stances.IsEmpty)
            {
                continue;
            }

            var summary = RunIssue(issue, stances, settings, options, names, scenario.Issues.Length > 1, rounds, cancellationToken, out var finalPositions);
            summaries.Add(summary);
            forecasts.Add(new IssueForecast
            {
                IssueId = issue.Id,
                Forecast = settings.UseMean ? summary.FinalMean : summary.FinalMedian,
                Positions = finalPositions,
            });
            roundsRun = Math.Max(roundsRun, summary.RoundsRun);
            converged &= summary.Converged;
        }

        return new ModelResult
        {
            Model = Info,
            Issues = forecasts.ToImmutable(),
            Rounds = rounds.ToImmutable(),
            RoundsRun = roundsRun,
            Converged = converged,
            Details = new ExpectedUtilityDetails
            {
                Variant = VariantName(settings.Variant),
                Forecast = settings.UseMean ? "mean" : "median",
                Q = settings.Q,
                T = settings.T,
                Issues = summaries.ToImmutable(),
            },
        };
    }

    /// <summary>The parameter value naming <paramref name="variant"/>: <c>scholz</c> or <c>scholz-code</c>.</summary>
    public static string VariantName(ExpectedUtilityVariant variant) =>
        variant == ExpectedUtilityVariant.ScholzCode ? "scholz-code" : "scholz";

    /// <summary>The <c>variant</c> parameter.</summary>
    public static ModelOptionDescription Variant { get; } = ModelOptionDescription.Choice(
        "variant", "scholz", "scholz: Scholz, Calbert & Smith's paper; scholz-code: their replication code (docs/models/eum.md).", "scholz", "scholz-code");

    /// <summary>The <c>q</c> parameter: the probability that third parties stay out.</summary>
    public static ModelOptionDescription Q { get; } = ModelOptionDescription.Number(
        "q", 1.0, 0, 1, "Probability Q that the status quo holds (Scholz, Calbert & Smith 2011).");

    /// <summary>The <c>t</c> parameter (scholz variant only).</summary>
    public static ModelOptionDescription T { get; } = ModelOptionDescription.Number(
        "t", 0.5, 0, 1, "Probability T that, if the status quo does not hold, it moves the challenger's way (scholz variant only).");

    /// <summary>The <c>forecast</c> parameter: which statistic of the final positions is the forecast.</summary>
    public static ModelOptionDescription ForecastStatistic { get; } = ModelOptionDescription.Choice(
        "forecast", "median", "Report the capability x salience weighted median or mean of the final positions.", "median", "mean");

    /// <inheritdoc />
    public ImmutableArray<ModelOptionDescription> Options { get; } =
    [
        ModelOptionDescription.Rounds($"until positions settle, at most {DefaultMaxRounds}"),
        ModelOptionDescription.Tolerance("1e-4 of the scale width"),
        Variant,
        Q,
        T,
        ForecastStatistic,
    ];

    private static ExpectedUtilitySettings ReadSettings(ModelOptions options)
    {
        var variant = options.GetChoice(Variant) == "scholz-code"
            ? ExpectedUtilityVariant.ScholzCode
            : ExpectedUtilityVariant.Scholz;
        var q = options.GetNumber(Q);
        var t = options.GetNumber(T);
        var useMean = options.GetChoice(ForecastStatistic) == "mean";
        return new ExpectedUtilitySettings(variant, q, t, useMean);
    }

    private static ExpectedUtilityIssueSummary RunIssue(
        Issue issue,
        ImmutableArray<IssueStance> stances,
        ExpectedUtilitySettings settings,
        ModelOptions options,
        ImmutableDictionary<string, string> names,
        bool multiIssue,
        ImmutableArray<RoundTrace>.Builder rounds,
        CancellationToken cancellationToken,
        out ImmutableArray<ActorPosition> finalPositions)
    {
        var run = new ExpectedUtilityIssueRun(issue, stances.AsSpan(), settings);
        var tolerance = options.Tolerance ?? (DefaultRelativeTolerance * issue.ScaleWidth);
        var limit = options.Rounds ?? DefaultMaxRounds;
        double initialMean = run.Mean, initialMedian = run.Median;
        var previous = settings.UseMean ? initialMean : initialMedian;
        var converged = false;
        var played = 0;
        List<ExpectedUtilityOffer>? offers = options.Trace ? [] : null;
        Action<int, int, OfferType, double, double, double, bool>? onOffer = offers is null
            ? null
            : (receiver, proposer, type, receiverEu, proposerEu, position, accepted) => offers.Add(new ExpectedUtilityOffer(
                issue.Id,
                stances[proposer].ActorId,
                stances[receiver].ActorId,
                TypeName(type),
                receiverEu,
                proposerEu,
                run.Positions[receiver],
                position,
                accepted));

        while (played < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            offers?.Clear();
            run.PlayRound(onOffer);
            played++;
            double mean = run.Mean, median = run.Median;
            var current = settings.UseMean ? mean : median;
            converged = Math.Abs(current - previous) <= tolerance;
            previous = current;
            if (offers is not null)
            {
                rounds.Add(new ExpectedUtilityRound
                {
                    Round = played,
                    Issue = issue.Id,
                    Issues = [new IssueOutcome(issue.Id, current)],
                    Offers = [.. offers],
                    RiskExponents = ByActor(stances, run.Risks),
                    Positions = ByActor(stances, run.Positions),
                    Mean = mean,
                    Median = median,
                    Names = names,
                    IssueName = multiIssue ? issue.Name : null,
                });
            }

            if (converged && options.Rounds is null)
            {
                break;
            }
        }

        var builder = ImmutableArray.CreateBuilder<ActorPosition>(stances.Length);
        for (var i = 0; i < stances.Length; i++)
        {
            builder.Add(new ActorPosition(stances[i].ActorId, run.Positions[i]));
        }

        finalPositions = builder.MoveToImmutable();
        return new ExpectedUtilityIssueSummary(issue.Id, played, converged, initialMean, initialMedian, run.Mean, run.Median, tolerance);
    }

    private static ImmutableSortedDictionary<string, double> ByActor(ImmutableArray<IssueStance> stances, ReadOnlySpan<double> values)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < stances.Length; i++)
        {
            builder[stances[i].ActorId] = values[i];
        }

        return builder.ToImmutable();
    }

    private static string TypeName(OfferType type) => type switch
    {
        OfferType.Confrontation => "confrontation",
        OfferType.Compromise => "compromise",
        _ => "capitulation",
    };
}

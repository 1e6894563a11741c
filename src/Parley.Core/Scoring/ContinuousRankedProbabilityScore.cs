using Parley.Core.Numerics;

namespace Parley.Core.Scoring;

/// <summary>
/// The continuous ranked probability score (CRPS) of a forecast against the value observed: the
/// proper score for a forecast of a continuous quantity, in the units of that quantity (points of
/// the scale), lower is better, 0 for a forecast that put all its mass on the outcome.
/// </summary>
/// <remarks>
/// <para>Definition (Matheson &amp; Winkler 1976; Gneiting &amp; Raftery 2007, JASA 102(477),
/// 359–378, eq. 20–21): for a forecast distribution F and the observation x,
/// CRPS(F, x) = ∫ (F(y) − 1{y ≥ x})² dy = E|X − x| − ½ E|X − X′|, where X and X′ are independent
/// draws from F (eq. 21, the kernel form with the score negatively oriented here: lower is
/// better). For a point forecast (F a step at f) the second term vanishes and the CRPS is the
/// absolute error |f − x|, so point forecasts and distributions are scored on one scale.</para>
/// <para>Estimator: the CRPS of the <em>empirical</em> distribution of the n Monte Carlo draws,
/// computed exactly. With the draws sorted, x₍₁₎ ≤ … ≤ x₍ₙ₎, eq. 21 with both expectations over
/// that distribution is
/// CRPS = (1/n) Σᵢ |x₍ᵢ₎ − x| − (1/n²) Σᵢ (2i − n − 1) x₍ᵢ₎,
/// because Σᵢ Σⱼ |x₍ᵢ₎ − x₍ⱼ₎| = 2 Σᵢ (2i − n − 1) x₍ᵢ₎. We evaluate the algebraically identical
/// form CRPS = (2/n) Σᵢ (x₍ᵢ₎ − x)(1{x &lt; x₍ᵢ₎} − (i − ½)/n) (Laio &amp; Tamea 2007, HESS 11;
/// Bröcker 2012, QJRMS 138: the CRPS as twice the mean quantile score at the ensemble's own
/// levels), whose terms are all ≥ 0, so it has no cancellation. O(n log n) for the sort, O(n)
/// after.</para>
/// <para>Normalisation of E|X − X′|: 1/n² over all n² ordered pairs, i.e. the CRPS of the empirical
/// distribution itself (the "NRG" form), not the "fair" 1/(n(n − 1)) over distinct pairs (Ferro
/// 2014, QJRMS 140). Why: the forecast Parley issues is that empirical distribution (its quantiles
/// and intervals are read from it), and this form is a proper score of it; it is defined for a
/// single draw, where it equals the absolute error, so a point forecast and a one-draw ensemble
/// agree. The fair form estimates the CRPS of the distribution the draws come from and is lower by
/// E|X − X′|/(2(n − 1)): with Parley's default of 10,000 draws, by 0.005 % of the ensemble's mean
/// absolute difference.</para>
/// </remarks>
public static class ContinuousRankedProbabilityScore
{
    /// <summary>The CRPS of a point forecast: the absolute error |<paramref name="forecast"/> − <paramref name="observed"/>|.</summary>
    /// <exception cref="ArgumentException">Either value is NaN or infinite.</exception>
    public static double OfPointForecast(double forecast, double observed)
    {
        RequireFinite(forecast, nameof(forecast));
        RequireFinite(observed, nameof(observed));
        return Math.Abs(forecast - observed);
    }

    /// <summary>The CRPS of the empirical distribution of <paramref name="members"/> (any order; not modified).</summary>
    /// <param name="members">The ensemble: Monte Carlo draws, finite, at least one.</param>
    /// <param name="observed">The value observed, finite.</param>
    /// <exception cref="ArgumentException">The ensemble is empty, or a value is NaN or infinite.</exception>
    public static double OfEnsemble(ReadOnlySpan<double> members, double observed)
    {
        var sorted = members.ToArray();
        Array.Sort(sorted);
        return OfSortedEnsemble(sorted, observed);
    }

    /// <summary>The CRPS of the empirical distribution of <paramref name="sorted"/>, already in ascending order: O(n).</summary>
    /// <param name="sorted">The ensemble in ascending order, finite, at least one.</param>
    /// <param name="observed">The value observed, finite.</param>
    /// <exception cref="ArgumentException">The ensemble is empty or not sorted, or a value is NaN or infinite.</exception>
    public static double OfSortedEnsemble(ReadOnlySpan<double> sorted, double observed)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("the CRPS needs an ensemble of at least one member", nameof(sorted));
        }

        RequireFinite(observed, nameof(observed));
        for (var i = 0; i < sorted.Length; i++)
        {
            RequireFinite(sorted[i], nameof(sorted));
            if (i > 0 && sorted[i] < sorted[i - 1])
            {
                throw new ArgumentException($"the ensemble must be in ascending order; member {i} ({sorted[i]}) is below member {i - 1} ({sorted[i - 1]})", nameof(sorted));
            }
        }

        // Scaled by a power of two (exact) so differences of values near ±1e308 do not overflow.
        var factor = ExactScale.FactorFor(Math.Max(Math.Max(Math.Abs(sorted[0]), Math.Abs(sorted[^1])), Math.Abs(observed)));
        var x = observed * factor;
        double n = sorted.Length;
        var sum = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var member = sorted[i] * factor;
            var indicator = x < member ? 1.0 : 0.0;
            sum += (member - x) * (indicator - ((i + 0.5) / n));
        }

        return 2 * sum / n / factor;
    }

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"a finite number is required, not {value}", name);
        }
    }
}

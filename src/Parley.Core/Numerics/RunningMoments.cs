namespace Parley.Core.Numerics;

/// <summary>
/// Count, mean and variance of a stream of values in constant memory, by Welford's update
/// (Welford 1962, <i>Technometrics</i> 4(3): 419–420), which avoids the cancellation of the
/// sum-of-squares formula. The result depends on the order of the values: feed them in a fixed
/// order (Monte Carlo feeds them in draw order) for reproducible bits.
/// </summary>
public struct RunningMoments
{
    private double sumOfSquaredDeviations;

    /// <summary>How many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>Their mean; 0 when empty.</summary>
    public double Mean { get; private set; }

    /// <summary>The sample variance, Σ(x − x̄)² / (n − 1); 0 for fewer than two values.</summary>
    public readonly double Variance => Count > 1 ? sumOfSquaredDeviations / (Count - 1) : 0;

    /// <summary>The sample standard deviation, √<see cref="Variance"/>.</summary>
    public readonly double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds <paramref name="value"/>.</summary>
    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        sumOfSquaredDeviations += delta * (value - Mean);
    }
}

namespace Parley.Core.Models.Smp;

/// <summary>KTAB's <c>BigRRange</c>: the range of the risk attitudes inferred from the position probabilities.</summary>
public enum SmpBigRRange
{
    /// <summary>[0, 1].</summary>
    Min,

    /// <summary>[−1/2, 1] (KTAB's default).</summary>
    Mid,

    /// <summary>[−1, 1].</summary>
    Max,
}

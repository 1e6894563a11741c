namespace Parley.Core.Models.Smp;

/// <summary>
/// One state of an SMP run on normalised coordinates: positions and ideals (<c>[actor * D + d]</c>)
/// and what <see cref="SmpEngine"/> assessed from them.
/// </summary>
internal sealed class SmpState(double[] positions, double[] ideals)
{
    public double[] Positions { get; } = positions;

    public double[] Ideals { get; } = ideals;

    /// <summary>Positions by dimension, <c>[d * P + j]</c> with P the actor count rounded up to whole SIMD vectors.</summary>
    public double[] PositionsByDimension { get; set; } = [];

    /// <summary>Distance from i's ideal to j's position, <c>[i * N + j]</c>.</summary>
    public double[] Diff { get; set; } = [];

    /// <summary><see cref="Diff"/> transposed, <c>[j * N + i]</c>, for contiguous columns.</summary>
    public double[] DiffT { get; set; } = [];

    /// <summary>Distance from each actor's ideal to its own position, <c>Diff[a * N + a]</c>, to whole SIMD vectors (zeros past the last actor).</summary>
    public double[] OwnDistance { get; set; } = [];

    /// <summary>Each actor's risk attitude R (zeros past the last actor, to whole SIMD vectors).</summary>
    public double[] Risk { get; set; } = [];

    /// <summary>Each actor's utility for each position in its own view, <c>[a * N + j]</c>.</summary>
    public double[] OwnUtility { get; set; } = [];

    /// <summary><see cref="OwnUtility"/> transposed, <c>[j * N + a]</c>.</summary>
    public double[] OwnUtilityT { get; set; } = [];

    /// <summary>Indices of the first actor at each distinct position.</summary>
    public int[] UniqueIndices { get; set; } = [];

    /// <summary>Probability of each distinct position.</summary>
    public double[] UniqueProbability { get; set; } = [];

    /// <summary>Probability of each actor's position.</summary>
    public double[] ActorProbability { get; set; } = [];

    /// <summary>Index into <see cref="UniqueIndices"/> of each actor's position.</summary>
    public int[] ActorUnique { get; set; } = [];

    /// <summary>Drops the N × N matrices once the state has been stepped from: a long run keeps only positions and probabilities.</summary>
    public void ReleaseMatrices()
    {
        Diff = [];
        DiffT = [];
        OwnUtility = [];
        OwnUtilityT = [];
    }
}

namespace Parley.Core.Models.Smp;

/// <summary>
/// Arrays an election works in (coalitions, victory matrix, running sums), kept and grown so that
/// the many small elections of a run (every state's two, every actor's queue each turn) allocate
/// nothing once warm. One owner, one thread at a time; a call may overwrite what the last returned.
/// </summary>
internal sealed class SmpElectionBuffers
{
    private double[] coalitions = [];
    private double[] victory = [];
    private double[] forward = [];
    private double[] backward = [];

    /// <summary>An array of at least <paramref name="length"/> elements for coalition strengths.</summary>
    public double[] Coalitions(int length) => Grow(ref coalitions, length);

    /// <summary>An array of at least <paramref name="length"/> elements for the victory matrix.</summary>
    public double[] Victory(int length) => Grow(ref victory, length);

    /// <summary>An array of at least <paramref name="length"/> elements for the forward coalition sums.</summary>
    public double[] Forward(int length) => Grow(ref forward, length);

    /// <summary>An array of at least <paramref name="length"/> elements for the backward coalition sums.</summary>
    public double[] Backward(int length) => Grow(ref backward, length);

    /// <summary><paramref name="array"/> when it has at least <paramref name="length"/> elements, else a new one put in its place.</summary>
    internal static T[] Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[length];
        }

        return array;
    }
}

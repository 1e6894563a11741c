namespace Parley.Core.Uncertainty;

/// <summary>The inputs and forecasts of the first draws of a run, kept for rank correlations.</summary>
internal sealed class DrawSample(int capacity, int inputCount, int issueCount)
{
    public int InputCount { get; } = inputCount;

    public int IssueCount { get; } = issueCount;

    public int Capacity { get; } = capacity;

    /// <summary>Draws kept so far (draws 0 to Count − 1).</summary>
    public int Count { get; private set; }

    /// <summary>Row-major: draw d's input i at d * InputCount + i.</summary>
    public double[] Values { get; } = new double[capacity * inputCount];

    /// <summary>Row-major: draw d's forecast of issue k at d * IssueCount + k.</summary>
    public double[] Forecasts { get; } = new double[capacity * issueCount];

    public void Add(ReadOnlySpan<double> values, ReadOnlySpan<double> forecasts)
    {
        values.CopyTo(Values.AsSpan(Count * InputCount, InputCount));
        forecasts.CopyTo(Forecasts.AsSpan(Count * IssueCount, IssueCount));
        Count++;
    }
}

namespace Parley.Core.Influence;

/// <summary>A change of one actor's input on one issue and the forecast it leads to.</summary>
/// <param name="ActorId">The actor.</param>
/// <param name="Input"><c>position</c>, <c>salience</c> or <c>capability</c> (its capability on this issue).</param>
/// <param name="From">The input's value in the scenario.</param>
/// <param name="To">The changed value.</param>
/// <param name="Forecast">The forecast with the change.</param>
/// <param name="RelativeSize">|To − From| relative to the input's range: the scale width for a position, 1 for a salience, the total capability for a capability.</param>
public sealed record InputChange(string ActorId, string Input, double From, double To, double Forecast, double RelativeSize)
{
    /// <summary><see cref="To"/> − <see cref="From"/>.</summary>
    public double Change => To - From;
}

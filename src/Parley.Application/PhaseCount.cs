using Parley.Core.Influence;

namespace Parley.Application;

/// <summary>
/// The count of one phase of a long run as a progress display shows it (the CLI's bars, the server's
/// <c>progress</c> events): <paramref name="Done"/> of <paramref name="Total"/> <paramref name="Unit"/>.
/// </summary>
/// <param name="Unit">What is counted, e.g. "draws", "coalition runs" or "searches".</param>
/// <param name="Done">How many are done.</param>
/// <param name="Total">How many there are in the phase.</param>
public readonly record struct PhaseCount(string Unit, long Done, long Total)
{
    /// <summary>Whether <paramref name="other"/> counts the same phase (its unit and total).</summary>
    public bool SamePhase(PhaseCount other) => Unit == other.Unit && Total == other.Total;

    /// <summary>
    /// Whether this count replaces <paramref name="last"/>, the latest one kept: a new phase always does; within a
    /// phase only a higher count does, since the work's threads report theirs out of order.
    /// </summary>
    public bool Supersedes(PhaseCount? last) => last is not { } kept || !SamePhase(kept) || Done > kept.Done;

    /// <summary>
    /// Work that counts in one phase of <paramref name="unit"/>: reports the phase's start (0 of <paramref name="total"/>)
    /// to <paramref name="phases"/> and returns the progress the work reports its count to, passed on at once as
    /// counts of that phase. <c>null</c> for <c>null</c>.
    /// </summary>
    public static IProgress<long>? Counting(IProgress<PhaseCount>? phases, string unit, long total)
    {
        if (phases is null)
        {
            return null;
        }

        var start = new PhaseCount(unit, 0, total);
        phases.Report(start);
        return new Relay<long>(done => phases.Report(start with { Done = done }));
    }

    /// <summary>
    /// An influence analysis' phases (<see cref="InfluenceOptions.PhaseProgress"/>) as counts named for a display:
    /// "coalition runs" (the Shapley values and absence shifts), then "searches" (the smallest changes); passed on
    /// at once, on the reporting thread. <c>null</c> for <c>null</c>.
    /// </summary>
    public static IProgress<InfluenceProgress>? OfInfluence(IProgress<PhaseCount>? phases) =>
        phases is null ? null : new Relay<InfluenceProgress>(value =>
            phases.Report(new PhaseCount(value.Phase == InfluencePhase.Coalitions ? "coalition runs" : "searches", value.Done, value.Total)));

    /// <summary>Passes each report on at once, on the reporting thread (<see cref="Progress{T}"/> would post it elsewhere, later).</summary>
    private sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

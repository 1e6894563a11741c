namespace Parley.Core.Models.Exchange;

/// <summary>
/// How the exchange engine may spread a round's work over threads. Every setting gives the same
/// results bit for bit: parallel work only ever writes each candidate's own slot, and whatever
/// depends on order (compaction of the candidate list, re-ranking) runs sequentially in
/// candidate order afterwards.
/// </summary>
/// <param name="Degree">Most threads used at once; 1 runs everything on the calling thread.</param>
/// <param name="MinimumCandidates">Upper bound on a round's candidates from which their building and evaluation is parallel.</param>
/// <param name="MinimumRefresh">Candidates touched by one realised exchange from which their recomputation is parallel (only in rounds of at least <paramref name="MinimumCandidates"/> candidates).</param>
internal sealed record ExchangeParallelism(int Degree, long MinimumCandidates, int MinimumRefresh)
{
    /// <summary>The default: all cores, only for rounds large enough to gain from it (smaller cases measured no faster in parallel).</summary>
    public static ExchangeParallelism Default { get; } = new(Environment.ProcessorCount, 1_000_000, 512);

    /// <summary>Everything on the calling thread.</summary>
    public static ExchangeParallelism Sequential { get; } = new(1, long.MaxValue, int.MaxValue);

    /// <summary>Whether any work is spread over threads.</summary>
    public bool Enabled => Degree > 1;
}
